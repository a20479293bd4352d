import type { PoolSku, SelectionPoolTerms } from '@supply-hub/selection-pools';
import type { SellableSku } from './sellable-sku';

/**
 * What a pool is matched against in order-router: the read model's copy of the SKU. Undefined when the
 * copy lacks a field membership needs (such a SKU is refused as unknown before the pool is asked).
 */
export function poolSkuOf(sku: SellableSku): PoolSku | undefined {
  if (!sku.categoryFamily || sku.contractPriceFen === undefined) return undefined;
  return {
    skuId: sku.skuId,
    categoryFamily: sku.categoryFamily,
    contractPriceFen: sku.contractPriceFen,
    ...(sku.subcategory ? { subcategory: sku.subcategory } : {}),
    ...(sku.brand ? { brand: sku.brand } : {}),
  };
}

/** Port to order-router's copies of the malls' selection pools (implemented in @supply-hub/orders-data-access). */
export interface SelectionPoolCopyStore {
  /** Keeps the terms unless a newer version of the mall's pool is there already; idempotent. */
  record(terms: SelectionPoolTerms): Promise<void>;
  /** Every mall's pool (one small document per mall: read whole at start-up). */
  all(): Promise<SelectionPoolTerms[]>;
}
