import type { CaseDocument } from '@supply-hub/aftersales-data-access';
import { DEFAULT_WAREHOUSES } from '@supply-hub/warehouses';
import { CaseDraft } from './case-draft';
import { CaseTransitionRefusedError } from './case-errors';

const now = new Date('2026-11-24T08:00:00Z');
const clock = { now: () => now };

function aCase(overrides: Partial<CaseDocument> = {}): CaseDocument {
  return {
    _id: 'cas_0123456789abcdef0123',
    tenantId: 'mall-a',
    mallCaseId: 'AS-1',
    requestFingerprint: 'f',
    orderId: 'ord_0123456789abcdef0123',
    mallOrderId: 'M-1',
    lineId: '1',
    skuId: 'sku-1',
    lineKind: 'physical',
    kind: 'return',
    reason: '不想要了',
    photos: [],
    quantity: 2,
    memberPaid: { points: 5000, cashFen: 990 },
    resolution: 'refund',
    needsReturn: true,
    status: 'opened',
    openedAt: now,
    respondBy: new Date(now.getTime() + 24 * 3_600_000),
    timeline: [],
    updatedAt: now,
    version: 1,
    ...overrides,
  };
}

const types = (draft: CaseDraft) => draft.events.map((event) => JSON.parse(event.value).type.replace('supplyhub.', ''));
const dataOf = (draft: CaseDraft, type: string) => JSON.parse(draft.events.find((event) => JSON.parse(event.value).type === type)!.value).data;

describe('CaseDraft', () => {
  it('labels an approved return for the warehouse nearest the member (杭州 → 上海) and keeps the first response', () => {
    const draft = new CaseDraft(aCase(), { warehouses: DEFAULT_WAREHOUSES, clock }, { cityCode: '330100', unitPriceFen: 4990 });
    draft.approve({ kind: 'staff', id: 'lily' });
    expect(draft.current.status).toBe('return-label-issued');
    expect(draft.current.returnParcel).toEqual({ warehouseId: 'wh-sh', rmaNumber: 'RMA-0123456789', labelIssuedAt: now });
    expect(draft.current.firstResponseAt).toEqual(now);
    expect(types(draft)).toEqual(['aftersales.case-status-changed.v1', 'aftersales.case-status-changed.v1']);
  });

  it('refunds what the warehouse counted, at the contract price, echoing what the member paid, and resolves in the same write', () => {
    const received = aCase({
      status: 'inspected',
      inspection: { result: 'pass', notes: '完好', at: now, warehouseId: 'wh-sh' },
      returnParcel: { warehouseId: 'wh-sh', rmaNumber: 'RMA-1', labelIssuedAt: now, receivedQuantity: 1 },
    });
    const draft = new CaseDraft(received, { warehouses: DEFAULT_WAREHOUSES, clock }, { unitPriceFen: 4990 });
    draft.startResolution();
    expect(draft.current.status).toBe('resolved');
    expect(dataOf(draft, 'supplyhub.refunds.refund-issued.v1')).toMatchObject({
      refundId: 'rfd_0123456789abcdef0123',
      quantity: 1,
      amountFen: 4990,
      memberRefund: { points: 5000, cashFen: 990 },
      origin: { kind: 'case', caseId: 'cas_0123456789abcdef0123' },
    });
    // A return says nothing about the product's quality.
    expect(types(draft)).not.toContain('aftersales.quality-signal-raised.v1');
  });

  it('asks order-router for a replacement of a damaged line and raises the damage signal when it ships', () => {
    const damaged = aCase({ kind: 'damaged', needsReturn: false, resolution: 'replacement' });
    const draft = new CaseDraft(damaged, { warehouses: DEFAULT_WAREHOUSES, clock }, { warehouseId: 'wh-gz' });
    draft.approve({ kind: 'system' }, 'auto');
    expect(draft.current.status).toBe('resolving');
    expect(dataOf(draft, 'supplyhub.aftersales.replacement-requested.v1')).toMatchObject({ caseId: damaged._id, skuId: 'sku-1', quantity: 2 });
    draft.resolve('replacement dispatched');
    expect(dataOf(draft, 'supplyhub.aftersales.quality-signal-raised.v1')).toMatchObject({ kind: 'damage', skuId: 'sku-1', warehouseId: 'wh-gz', quantity: 2 });
  });

  it('never refunds a case twice: a second fallback finds the refund and the move is refused', () => {
    const refunded = aCase({ status: 'resolved', refund: { refundId: 'rfd_0123456789abcdef0123', at: now } });
    const draft = new CaseDraft(refunded, { warehouses: DEFAULT_WAREHOUSES, clock }, {});
    expect(() => draft.startResolution()).toThrow(CaseTransitionRefusedError);
    expect(draft.events).toEqual([]);
  });

  it('asks virtual-codes to reissue an invalid code', () => {
    const invalid = aCase({ kind: 'invalid-code', lineKind: 'virtual', needsReturn: false, resolution: 'reissue', quantity: 1 });
    const draft = new CaseDraft(invalid, { warehouses: DEFAULT_WAREHOUSES, clock }, {});
    draft.approve({ kind: 'system' });
    expect(types(draft)).toContain('aftersales.reissue-requested.v1');
    expect(draft.current.reissue).toEqual({ requestedAt: now, status: 'requested' });
  });
});
