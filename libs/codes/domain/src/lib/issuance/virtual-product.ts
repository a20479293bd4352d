import type { AccountKind } from '../accounts/top-up-account';

/**
 * How a virtual product is fulfilled: codes from a pool staff imported, a direct top-up at a provider,
 * card codes bought live from a provider, or a coupon from the mall's own coupon system.
 */
export type FulfilmentKind = 'pool' | 'top-up' | 'card-purchase' | 'coupon';

export const FULFILMENT_KINDS: readonly FulfilmentKind[] = ['pool', 'top-up', 'card-purchase', 'coupon'];

/** A provider that can fulfil the product, with the provider's own product id. */
export interface ProviderRoute {
  providerId: string;
  providerProductId: string;
}

/** A catalog SKU as virtual-codes fulfils it (set by staff). */
export interface VirtualProduct {
  skuId: string;
  name: string;
  fulfilment: FulfilmentKind;
  /** Face value per unit, in fen. */
  faceValueFen: number;
  /** What a top-up credits; required for `top-up`. */
  accountKind?: AccountKind;
  /** Primary first, then fallbacks; required for `top-up` and `card-purchase`; none for `pool` and `coupon`. */
  providers: ProviderRoute[];
  /** Pool products: an alert when fewer codes than this are left. */
  lowStockThreshold?: number;
}

/** What is wrong with a product definition, as field issues (empty when it is sound). */
export function virtualProductIssues(product: VirtualProduct): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const needsProviders = product.fulfilment === 'top-up' || product.fulfilment === 'card-purchase';
  if (needsProviders && product.providers.length === 0) issues.push({ path: 'providers', message: `a ${product.fulfilment} product needs at least one provider` });
  if (product.fulfilment === 'pool' && product.providers.length > 0) issues.push({ path: 'providers', message: 'pool products are issued from imported codes, not from providers' });
  if (product.fulfilment === 'coupon' && product.providers.length > 0) issues.push({ path: 'providers', message: "coupons come from each mall's own coupon system (PUT /coupon-system), not from providers" });
  if (product.fulfilment === 'top-up' && !product.accountKind) issues.push({ path: 'accountKind', message: 'a top-up product must say what it credits (mobile, fuel-card or member-id)' });
  if (product.fulfilment !== 'top-up' && product.accountKind) issues.push({ path: 'accountKind', message: 'only top-up products credit an account' });
  const ids = product.providers.map((route) => route.providerId);
  if (new Set(ids).size !== ids.length) issues.push({ path: 'providers', message: 'a provider may be listed once' });
  return issues;
}
