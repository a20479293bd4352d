import { type SkuDelistedData, type SkuState, skuStateSchema } from '@supply-hub/contracts';
import type { SellableSkuStore } from '@supply-hub/orders-domain';

export type RecordOutcome = 'applied' | 'stale';

/** Keeps the sellable-SKU read model in step with the catalog's SKU events, newest version wins. */
export class RecordCatalogSku {
  constructor(
    private readonly store: SellableSkuStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Any SKU event that carries the full state (upserted, price changed, stock changed). */
  async upserted(sku: SkuState): Promise<RecordOutcome> {
    // Only the state: price- and stock-changed events add their previous values, which are not kept.
    const { skuId, version, ...state } = skuStateSchema.parse(sku);
    return outcome(await this.store.applyIfNewer(skuId, version, { ...state, delistedReason: null }, this.now()));
  }

  async delisted(delisting: SkuDelistedData): Promise<RecordOutcome> {
    return outcome(await this.store.applyIfNewer(delisting.skuId, delisting.version, { sellable: false, delistedReason: delisting.reason }, this.now()));
  }
}

const outcome = (applied: boolean): RecordOutcome => (applied ? 'applied' : 'stale');
