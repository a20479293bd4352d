export * from './brand-feed-columns';
export * from './brand-feed-mapping';
