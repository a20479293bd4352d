export * from './start-test-service';
export * from './service-basics';
export * from './test-credentials';
export * from './run-main';
export * from './spawn-service';
export * from './with-global-providers';
