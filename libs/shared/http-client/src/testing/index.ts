export * from './fake-time-source';
