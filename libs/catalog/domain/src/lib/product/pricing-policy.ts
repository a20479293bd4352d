/** How the contract price malls pay is derived from our cost. */
export interface PricingPolicy {
  /** Margin over the supply price in basis points (600 = 6%). */
  marginBps: number;
}

export const DEFAULT_PRICING_POLICY: PricingPolicy = { marginBps: 600 };

/** Supply price plus margin, rounded up to the fen, and never above the market reference price. */
export function contractPriceOf(supplyPriceFen: number, marketPriceFen: number, policy: PricingPolicy = DEFAULT_PRICING_POLICY): number {
  const withMargin = Math.ceil((supplyPriceFen * (10_000 + policy.marginBps)) / 10_000);
  return Math.max(supplyPriceFen, Math.min(withMargin, marketPriceFen));
}
