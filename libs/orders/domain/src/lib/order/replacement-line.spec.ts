import type { SellableSku } from '../catalog/sellable-sku';
import type { OrderLine } from './order';
import { orderIdFor } from './order-id';
import { checkReplacement, type ReplacementRequest, replacementMallOrderId } from './replacement-line';

const line = (overrides: Partial<OrderLine> = {}): OrderLine => ({
  lineId: '2',
  skuId: 'sku-1',
  quantity: 3,
  kind: 'physical',
  categoryFamily: 'physical',
  title: '九阳豆浆机 DJ13B',
  unitPriceFen: 29_900,
  status: 'delivered',
  shipmentId: 'shp_0123456789abcdef0123-1',
  ...overrides,
});

const original = { lines: [line({ lineId: '1', skuId: 'sku-other' }), line()] };
const request = (overrides: Partial<ReplacementRequest> = {}): ReplacementRequest => ({
  caseId: 'cas_0123456789abcdef0123',
  orderId: 'ord_0123456789abcdef0123',
  lineId: '2',
  skuId: 'sku-1',
  quantity: 1,
  ...overrides,
});
// The catalog's price moved since the order: the replacement keeps what the mall paid.
const sellable: SellableSku = { skuId: 'sku-1', version: 4, sellable: true, title: '九阳豆浆机 新款', contractPriceFen: 31_900, updatedAt: new Date(0) };

describe('checkReplacement', () => {
  it("takes the original line's SKU, kind, title and price with the requested quantity, fresh for routing", () => {
    expect(checkReplacement(original, request(), sellable)).toEqual({
      ok: true,
      line: {
        lineId: '2',
        skuId: 'sku-1',
        quantity: 1,
        kind: 'physical',
        categoryFamily: 'physical',
        title: '九阳豆浆机 DJ13B',
        unitPriceFen: 29_900,
        status: 'accepted',
      },
    });
  });

  it('refuses the line, with the reason, when the catalog no longer sells the SKU or never told us of it', () => {
    const delisted = checkReplacement(original, request(), { ...sellable, sellable: false, delistedReason: '质检不合格' });
    expect(delisted).toMatchObject({ ok: true, line: { status: 'refused', reason: expect.stringContaining('质检不合格') } });
    const unknown = checkReplacement(original, request(), undefined);
    expect(unknown).toMatchObject({ ok: true, line: { status: 'refused', reason: expect.stringContaining('no longer sold') } });
  });

  it('names every way a request does not match the original line', () => {
    expect(checkReplacement(original, request({ lineId: '9' }), sellable)).toEqual({
      ok: false,
      issues: [{ path: 'lineId', message: 'the order has no line 9' }],
    });
    const mismatched = checkReplacement(original, request({ skuId: 'sku-x', quantity: 4 }), sellable);
    expect(mismatched.ok ? [] : mismatched.issues.map((issue) => issue.path)).toEqual(['skuId', 'quantity']);
    const virtual = checkReplacement({ lines: [line({ kind: 'virtual', categoryFamily: 'virtual' })] }, request(), sellable);
    expect(virtual).toMatchObject({ ok: false, issues: [{ path: 'lineId', message: expect.stringContaining('reissued') }] });
  });
});

describe('replacementMallOrderId', () => {
  it('is outside what malls may send as their own order ids, so a mall order never takes a case order id', () => {
    const mallOrderId = replacementMallOrderId('cas_0123456789abcdef0123');
    expect(mallOrderId.length).toBeLessThanOrEqual(64);
    // POST /orders takes mallOrderId matching /^[A-Za-z0-9._:-]{1,64}$/ (apps/order-router orders.dto.ts).
    expect(/^[A-Za-z0-9._:-]{1,64}$/.test(mallOrderId)).toBe(false);
    expect(orderIdFor('mall-a', mallOrderId)).not.toBe(orderIdFor('mall-a', 'replacement:cas_0123456789abcdef0123'));
    expect(orderIdFor('mall-a', mallOrderId)).not.toBe(orderIdFor('mall-b', mallOrderId));
  });
});
