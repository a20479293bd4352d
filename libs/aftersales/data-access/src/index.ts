export * from './lib/case.store';
export * from './lib/ordered-line.store';
