export * from './blacklist-errors';
export * from './blacklist-events';
export * from './create-blacklist-entry.use-case';
export * from './remove-blacklist-entry.use-case';
export * from './expire-blacklist-entries.use-case';
