// A deterministic world of supplier SKUs for the sandboxes: computed from (seed, index), changes kept as an overlay.
export * from './lib/random/hash';
export * from './lib/random/prng';
export * from './lib/random/permutation';
export * from './lib/barcode/ean13';
export * from './lib/taxonomy/taxonomy-types';
export * from './lib/taxonomy/brands';
export * from './lib/taxonomy/product-lines';
export * from './lib/world/sources';
export * from './lib/world/sim-offer';
export * from './lib/world/product';
export * from './lib/world/offer-factory';
export * from './lib/world/catalog-world';
export * from './lib/changes/change-types';
export * from './lib/views/listing-view';
