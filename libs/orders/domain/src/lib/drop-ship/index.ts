export * from './drop-ship-supplier';
export * from './drop-ship-progress';
