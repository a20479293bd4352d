import type { BrandFeedField, JdProductDetail, JdSellPrice, JdSkuState, JdStock, TaobaoItem } from '@supply-hub/supplier-protocols';

/**
 * The payloads supplier adapters put in SourceRecords: each protocol's own shapes, unnormalised, so the
 * rules about what they mean live in this lib. A record the adapter could not read whole still comes
 * through, with `malformed` saying why and `raw` holding what was read, so the pipeline can quarantine
 * it instead of losing it or failing the pull.
 */
export interface MalformedPayloadFields {
  /** Why the record cannot be normalised; present only on such records. */
  malformed?: string;
  /** What the supplier sent for the part that failed to read (a detail body, an item, a row). */
  raw?: unknown;
}

/**
 * One JD SKU. A full record carries all four answers for one area (the adapter's configured area).
 * `stockOnly` records come from the stock poll of an incremental pull (JD sends no stock-change
 * messages): only `stock` is set, and the pipeline compares it with what it holds.
 * Full records are `malformed` when getDetail failed for this SKU or its answer broke the schema
 * (detail null), or when getSellPrice returned no price for it; skuState and stock may be null when JD
 * left the SKU out of a batch answer.
 */
export interface JdOfferPayload extends MalformedPayloadFields {
  /** The JD sku id as a decimal string (also the record's externalId). */
  sku: string;
  detail: JdProductDetail | null;
  price: JdSellPrice | null;
  state: JdSkuState | null;
  stock: JdStock | null;
  stockOnly?: boolean;
}

/** One Taobao item from taobao.items.onsale.get; `item` is null when it broke the schema (see `raw`). */
export interface TaobaoOfferPayload extends MalformedPayloadFields {
  item: TaobaoItem | null;
}

/**
 * One row of a brand feed, mapped onto canonical fields by the brand's BrandFeedMapping. Values are the
 * cells as written, trimmed, empty cells left out: prices are yuan strings (`129.00`), 图片 `|`-separated
 * URLs, 规格 `name:value;…` (see BRAND_FEED_* in @supply-hub/supplier-protocols). `malformed` when the row
 * has the wrong number of columns, cannot be parsed, or has no id.
 */
export interface BrandFeedPayload extends MalformedPayloadFields {
  /** Where the row is: the CSV line it ends on (header = line 1), or the JSON item's 1-based index. */
  line: number;
  fields: Partial<Record<BrandFeedField, string>>;
}

export function isMalformedPayload(payload: MalformedPayloadFields): payload is MalformedPayloadFields & { malformed: string } {
  return typeof payload.malformed === 'string';
}
