import { isoWeekOf, isoWeekRange } from './iso-week';
import { type NewArrival, newArrivalsOf } from './new-arrivals';

describe('ISO weeks in Beijing time', () => {
  it('runs from Monday 00:00 Beijing to the next Monday', () => {
    expect(isoWeekRange('2026-W47')).toEqual({ from: new Date('2026-11-15T16:00:00Z'), to: new Date('2026-11-22T16:00:00Z') });
    // Week 1 of 2026 holds 1 January (a Thursday): it starts on 29 December 2025.
    expect(isoWeekRange('2026-W01')?.from).toEqual(new Date('2025-12-28T16:00:00Z'));
    expect(isoWeekRange('2026-W53')?.from).toEqual(new Date('2026-12-27T16:00:00Z'));
  });

  it('refuses weeks a year does not have', () => {
    expect(isoWeekRange('2027-W53')).toBeUndefined();
    expect(isoWeekRange('2026-W00')).toBeUndefined();
    expect(isoWeekRange('2026-47')).toBeUndefined();
  });

  it('names the week a moment falls in, by the Beijing date', () => {
    expect(isoWeekOf(new Date('2026-11-22T15:59:59Z'))).toBe('2026-W47'); // Sunday 23:59 in Beijing
    expect(isoWeekOf(new Date('2026-11-22T16:00:00Z'))).toBe('2026-W48');
    expect(isoWeekOf(new Date('2027-01-01T04:00:00Z'))).toBe('2026-W53');
    expect(isoWeekOf(new Date('2025-12-29T04:00:00Z'))).toBe('2026-W01');
  });
});

describe('new arrivals', () => {
  const week = isoWeekRange('2026-W47')!;
  const arrival = (skuId: string, categoryFamily: NewArrival['categoryFamily'], listedAt: string): NewArrival => ({ skuId, categoryFamily, listedAt: new Date(listedAt) });

  it('groups the period’s arrivals by family, newest first, capped, leaving out the rest', () => {
    const groups = newArrivalsOf(
      [
        arrival('before', 'physical', '2026-11-15T15:59:59Z'),
        arrival('p1', 'physical', '2026-11-16T01:00:00Z'),
        arrival('p2', 'physical', '2026-11-18T01:00:00Z'),
        arrival('p3', 'physical', '2026-11-17T01:00:00Z'),
        arrival('c1', 'coupon', '2026-11-15T16:00:00Z'),
        arrival('after', 'coupon', '2026-11-22T16:00:00Z'),
      ],
      week,
      2,
    );
    expect(groups.map((group) => [group.family, group.count, group.items.map((item) => item.skuId), group.truncated])).toEqual([
      ['physical', 3, ['p2', 'p3'], true],
      ['virtual', 0, [], false],
      ['service', 0, [], false],
      ['coupon', 1, ['c1'], false],
    ]);
  });
});
