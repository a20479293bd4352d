export * from './lib/codes/code.store';
export * from './lib/codes/code-allocation.store';
export * from './lib/codes/code-batch.store';
export * from './lib/codes/code-lane.store';
export * from './lib/codes/code-pool';
export * from './lib/codes/code-reveal.store';
export * from './lib/issuances/issuance.store';
export * from './lib/products/virtual-product.store';
