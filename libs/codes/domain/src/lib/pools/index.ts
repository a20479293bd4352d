export * from './code-batch';
