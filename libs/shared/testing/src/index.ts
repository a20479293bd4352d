export * from './lib/unique-name';
export * from './lib/wait-for';
export * from './lib/integration-env';
export * from './lib/test-database';
export * from './lib/kafka-test-collector';
export * from './lib/mall-receiver';
export * from './lib/test-clock';
export * from './lib/start-group-at-end';
