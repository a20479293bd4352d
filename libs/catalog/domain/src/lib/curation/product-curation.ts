import type { CurationStatus } from '@supply-hub/contracts';
import type { ProductState } from '../product/product-state';

export type { CurationStatus };

export type CurationAction = 'approve' | 'reject' | 'suspend' | 'delist' | 'reinstate' | 'review';

/** Staff's decision on a SKU, with who made it and why. Absent on a product: approved (the catalog before curation). */
export interface ProductCuration {
  status: CurationStatus;
  reason: string;
  by: string;
  /** ISO time of the decision. */
  at: string;
}

/**
 * The moves a decision may make: a new SKU waits (pending) until approved or rejected; an approved SKU may
 * be suspended (reversible: reinstate) or delisted (ends its life, until put back for review); a rejected
 * or delisted SKU may be put back for review.
 */
const MOVES: Readonly<Record<CurationAction, { from: readonly CurationStatus[]; to: CurationStatus }>> = {
  approve: { from: ['pending'], to: 'approved' },
  reject: { from: ['pending'], to: 'rejected' },
  suspend: { from: ['approved'], to: 'suspended' },
  delist: { from: ['approved', 'suspended'], to: 'delisted' },
  reinstate: { from: ['suspended'], to: 'approved' },
  review: { from: ['rejected', 'delisted'], to: 'pending' },
};

export const CURATION_ACTIONS = Object.keys(MOVES) as CurationAction[];

/** The status `action` moves a SKU to. */
export function curationTargetOf(action: CurationAction): CurationStatus {
  return MOVES[action].to;
}

export function curationStatusOf(product: Pick<ProductState, 'curation'>): CurationStatus {
  return product.curation?.status ?? 'approved';
}

/** Why `action` cannot apply to a SKU in `status`, for a 409; undefined when it can. */
export function curationRefusal(status: CurationStatus, action: CurationAction): string | undefined {
  const move = MOVES[action];
  if (move.from.includes(status)) return undefined;
  return `${withArticle(status)} SKU cannot be ${DONE[action]} (only ${move.from.map(withArticle).join(' or ')} one)`;
}

const DONE: Readonly<Record<CurationAction, string>> = {
  approve: 'approved',
  reject: 'rejected',
  suspend: 'suspended',
  delist: 'delisted',
  reinstate: 'reinstated',
  review: 'put back for review',
};

const withArticle = (status: string): string => `${/^[aeiou]/.test(status) ? 'an' : 'a'} ${status}`;

/** Whether what the offers say lets the product sell: its best offer listed and in stock. */
export function offersAllowSale(product: Pick<ProductState, 'bestOfferId' | 'offers'>): boolean {
  if (product.bestOfferId === null) return false;
  const best = product.offers.find((offer) => offer.offerId === product.bestOfferId);
  return best !== undefined && best.status === 'listed' && best.stock > 0;
}

/**
 * The product with staff's decision applied: sellable only when its offers allow it and it is approved;
 * otherwise unsellable with the decision as its reason (a supplier's own delisting keeps its reason).
 */
export function withCuration(product: ProductState, curation: ProductCuration | undefined): ProductState {
  const { curation: _previous, ...base } = product;
  const offersReason = product.bestOfferId === null ? (product.delistedReason ?? 'every supplier has delisted it') : null;
  const decided = { ...base, ...(curation ? { curation } : {}) };
  if (!curation || curation.status === 'approved') return { ...decided, sellable: offersAllowSale(product), delistedReason: offersReason };
  return { ...decided, sellable: false, delistedReason: offersReason ?? `${curation.status} by curation: ${curation.reason}` };
}

/** Applies a staff action: the product as it will be stored, or why the action is refused. */
export function curate(
  product: ProductState,
  action: CurationAction,
  decision: { reason: string; by: string; at: Date },
): { ok: true; product: ProductState } | { ok: false; refusal: string } {
  const refusal = curationRefusal(curationStatusOf(product), action);
  if (refusal) return { ok: false, refusal };
  return { ok: true, product: withCuration(product, { status: MOVES[action].to, reason: decision.reason, by: decision.by, at: decision.at.toISOString() }) };
}
