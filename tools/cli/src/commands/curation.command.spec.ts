import { curationCommand, manyOf, planLines, selectionFromOptions } from './curation.command';
import type { Output } from './output';

describe('supply-hub curation', () => {
  it('turns the filter flags into the API’s filter, prices from yuan into fen', () => {
    expect(selectionFromOptions({ brand: ['美的', '九阳'], supplier: ['jd'], minPrice: '99.5', maxPrice: '200', status: ['pending'] })).toEqual({
      brands: ['美的', '九阳'],
      suppliers: ['jd'],
      minPriceFen: 9950,
      maxPriceFen: 20000,
      statuses: ['pending'],
    });
  });

  it('refuses a price that is not an amount, and no filter at all', () => {
    expect(() => selectionFromOptions({ brand: ['美的'], maxPrice: '12,5' })).toThrow('--max-price must be an amount in yuan');
    expect(() => selectionFromOptions({})).toThrow('name at least one filter');
  });

  it('says what a dry run would move and what it would leave, and why', () => {
    expect(
      planLines({
        matched: 3,
        applicable: 2,
        to: 'approved',
        byStatus: { pending: 2, approved: 1 },
        skipped: [{ status: 'approved', count: 1, reason: 'an approved SKU cannot be approved (only a pending one)' }],
        sample: ['sku_a', 'sku_b'],
      }),
    ).toEqual([
      '3 SKUs match; 2 can move to approved',
      '  left as they are: 1 approved (an approved SKU cannot be approved (only a pending one))',
      '  for example: sku_a, sku_b',
    ]);
  });

  it('takes repeated and comma-separated values, each checked', () => {
    expect(manyOf(['physical', 'coupon'])('physical, coupon', [])).toEqual(['physical', 'coupon']);
    expect(() => manyOf(['physical'])('food')).toThrow('"food" is not one of physical');
    const silent: Output = { line: () => undefined, json: () => undefined, table: () => undefined, note: () => undefined };
    const approve = curationCommand(silent).commands.find((command) => command.name() === 'approve')!;
    approve.exitOverride().configureOutput({ writeErr: () => undefined });
    expect(() => approve.parse(['--status', 'pending,food', '--reason', 'x'], { from: 'user' })).toThrow('"food" is not one of');
  });
});
