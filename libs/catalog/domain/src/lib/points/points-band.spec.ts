import { bandPriceRangeFen, DEFAULT_POINTS_BAND_POLICY, POINTS_BANDS, pointsBandOf, pointsPriceOf, type PointsBandPolicy } from './points-band';

describe('points bands', () => {
  const policy = DEFAULT_POINTS_BAND_POLICY;

  it('prices in points at the rate, rounding a part point up', () => {
    expect(pointsPriceOf(29_900, policy)).toBe(2_990);
    expect(pointsPriceOf(1, policy)).toBe(1);
    expect(pointsPriceOf(29, { ...policy, pointsPerYuan: 100 })).toBe(29);
    expect(pointsPriceOf(0, policy)).toBe(0);
  });

  it('bands at the thresholds: below 500 points low (under 100 too), 500 to 1,999 mid, 2,000 and more high', () => {
    expect(pointsBandOf(500, policy)).toBe('low'); // 5 yuan, 50 points
    expect(pointsBandOf(4_990, policy)).toBe('low'); // 499 points
    expect(pointsBandOf(4_991, policy)).toBe('mid'); // 499.1 → 500 points
    expect(pointsBandOf(19_990, policy)).toBe('mid');
    expect(pointsBandOf(19_991, policy)).toBe('high');
    expect(pointsBandOf(1_000_000, policy)).toBe('high');
  });

  it.each<PointsBandPolicy>([policy, { pointsPerYuan: 1, midFromPoints: 500, highFromPoints: 2_000 }, { pointsPerYuan: 7, midFromPoints: 300, highFromPoints: 301 }, { pointsPerYuan: 250, midFromPoints: 1_000, highFromPoints: 9_999 }])(
    'turns each band into the exact contract-price range of its SKUs (rate %#)',
    (rules) => {
      const ranges = POINTS_BANDS.map((band) => ({ band, ...bandPriceRangeFen(band, rules) }));
      const highest = bandPriceRangeFen('high', rules).minFen + 500;
      const misplaced: number[] = [];
      for (let fen = 0; fen <= highest; fen++) {
        const inRange = ranges.filter((range) => fen >= range.minFen && (range.maxFen === undefined || fen <= range.maxFen)).map((range) => range.band);
        if (inRange.length !== 1 || inRange[0] !== pointsBandOf(fen, rules)) misplaced.push(fen);
      }
      expect(misplaced).toEqual([]);
    },
  );
});
