export * from './fake-time-source';
export * from './fake-jd';
