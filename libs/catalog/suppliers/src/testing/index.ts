export * from './fake-time-source';
export * from './fake-jd';
export * from './fake-taobao';
