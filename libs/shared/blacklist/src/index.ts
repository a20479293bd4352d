export * from './lib/blacklist-text';
export * from './lib/match-blacklist';
export * from './lib/active-blacklist';
export * from './lib/check-blacklist-terms';
