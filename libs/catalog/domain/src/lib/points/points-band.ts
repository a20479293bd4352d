export const POINTS_BANDS = ['low', 'mid', 'high'] as const;
/** low / mid / high: the points band (积分档位) a SKU sits in, from the points a member pays for it. */
export type PointsBand = (typeof POINTS_BANDS)[number];

/**
 * How contract prices become points and where the bands start. The bands are 100–500, 500–2,000
 * and 2,000+ points; a SKU under 100 points is low too (a band has no floor, so every SKU has one).
 */
export interface PointsBandPolicy {
  /** Points a member pays per yuan of contract price. */
  pointsPerYuan: number;
  /** The first points price in the mid band. */
  midFromPoints: number;
  /** The first points price in the high band; above midFromPoints. */
  highFromPoints: number;
}

export const DEFAULT_POINTS_BAND_POLICY: PointsBandPolicy = { pointsPerYuan: 10, midFromPoints: 500, highFromPoints: 2_000 };

/** The points price of a contract price, rounded up: a mall never redeems below what it pays us. */
export function pointsPriceOf(contractPriceFen: number, policy: PointsBandPolicy): number {
  // Integer arithmetic first: fen × rate is exact, so 0.29 yuan × 100 is 29 points, not 29.000000000000004 → 30.
  return Math.ceil((contractPriceFen * policy.pointsPerYuan) / 100);
}

export function pointsBandOfPoints(points: number, policy: PointsBandPolicy): PointsBand {
  if (points >= policy.highFromPoints) return 'high';
  if (points >= policy.midFromPoints) return 'mid';
  return 'low';
}

export function pointsBandOf(contractPriceFen: number, policy: PointsBandPolicy): PointsBand {
  return pointsBandOfPoints(pointsPriceOf(contractPriceFen, policy), policy);
}

/**
 * The contract prices (fen, inclusive) whose points price falls in `band`: a band filter becomes a price
 * range, which the catalog index answers from its price orders. `maxFen` is absent for the top band.
 */
export function bandPriceRangeFen(band: PointsBand, policy: PointsBandPolicy): { minFen: number; maxFen?: number } {
  const midFromFen = lowestFenReaching(policy.midFromPoints, policy);
  const highFromFen = lowestFenReaching(policy.highFromPoints, policy);
  if (band === 'low') return { minFen: 0, maxFen: midFromFen - 1 };
  if (band === 'mid') return { minFen: midFromFen, maxFen: highFromFen - 1 };
  return { minFen: highFromFen };
}

/** The lowest contract price (fen) whose points price is at least `points`. */
function lowestFenReaching(points: number, policy: PointsBandPolicy): number {
  // pointsPriceOf rounds up, so the answer is just above (points - 1) × 100 / rate; the search makes it exact.
  let fen = Math.max(0, Math.floor(((points - 1) * 100) / policy.pointsPerYuan));
  while (fen > 0 && pointsPriceOf(fen - 1, policy) >= points) fen--;
  while (pointsPriceOf(fen, policy) < points) fen++;
  return fen;
}
