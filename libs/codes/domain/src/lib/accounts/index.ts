export * from './top-up-account';
