import { DEFAULT_CASE_POLICY, parseCasePolicy } from './case-policy';
import { type CaseRequest, checkCaseRequest } from './case-request';
import type { OrderedLine } from './ordered-line';

const delivered = new Date('2026-11-01T10:00:00Z');
const hours = (n: number) => new Date(delivered.getTime() + n * 3_600_000);

function line(overrides: Partial<OrderedLine> = {}): OrderedLine {
  return {
    tenantId: 'mall-a',
    orderId: 'ord_1',
    mallOrderId: 'M-1',
    lineId: '1',
    skuId: 'sku-1',
    kind: 'physical',
    quantity: 3,
    unitPriceFen: 1999,
    cityCode: '330100',
    parcels: [{ shipmentId: 'shp_1-1', quantity: 3, warehouseId: 'wh-sh', deliveredAt: delivered }],
    claims: [],
    ...overrides,
  };
}

function request(overrides: Partial<CaseRequest> = {}): CaseRequest {
  return { mallCaseId: 'C-1', orderId: 'ord_1', lineId: '1', kind: 'return', reason: '不想要了', quantity: 1, ...overrides };
}

describe('checkCaseRequest', () => {
  it('takes a return inside the 7-day window; it needs a return parcel, ends in a refund and waits for staff', () => {
    expect(checkCaseRequest(request(), line(), DEFAULT_CASE_POLICY, hours(6 * 24), 'cas_x')).toEqual({
      ok: true,
      resolution: 'refund',
      needsReturn: true,
      autoApproved: false,
    });
  });

  it('refuses a return after the window, naming when it ended', () => {
    const check = checkCaseRequest(request(), line(), DEFAULT_CASE_POLICY, hours(7 * 24 + 1), 'cas_x');
    expect(check).toEqual({ ok: false, refusal: 'window-expired', message: expect.stringContaining('7 days after delivery; that was 2026-11-08T10:00:00.000Z') });
  });

  it('counts the window per kind and from the configured policy', () => {
    expect(checkCaseRequest(request({ kind: 'exchange' }), line(), DEFAULT_CASE_POLICY, hours(10 * 24), 'cas_x').ok).toBe(true);
    const strict = parseCasePolicy('{"kinds":{"exchange":{"windowDays":3}}}');
    expect(checkCaseRequest(request({ kind: 'exchange' }), line(), strict, hours(4 * 24), 'cas_x')).toMatchObject({ ok: false, refusal: 'window-expired' });
  });

  it('refuses more than was delivered minus what other cases hold, but not the same case asked again', () => {
    const claimed = line({ claims: [{ caseId: 'cas_other', quantity: 2, at: delivered }] });
    expect(checkCaseRequest(request({ quantity: 2 }), claimed, DEFAULT_CASE_POLICY, hours(1), 'cas_x')).toEqual({
      ok: false,
      refusal: 'invalid',
      issues: [{ path: 'quantity', message: 'at most 1: 3 delivered, 2 already in other cases' }],
    });
    const mine = line({ claims: [{ caseId: 'cas_x', quantity: 2, at: delivered }] });
    expect(checkCaseRequest(request({ quantity: 3 }), mine, DEFAULT_CASE_POLICY, hours(1), 'cas_x').ok).toBe(true);
  });

  it('counts only delivered parcels: an undelivered second parcel is not claimable yet', () => {
    const split = line({ parcels: [{ shipmentId: 'a', quantity: 1, deliveredAt: delivered }, { shipmentId: 'b', quantity: 2 }] });
    expect(checkCaseRequest(request({ quantity: 2 }), split, DEFAULT_CASE_POLICY, hours(1), 'cas_x')).toMatchObject({ ok: false, issues: [{ path: 'quantity' }] });
    expect(checkCaseRequest(request(), line({ parcels: [{ shipmentId: 'a', quantity: 3 }] }), DEFAULT_CASE_POLICY, hours(1), 'cas_x')).toMatchObject({
      ok: false,
      refusal: 'not-delivered',
    });
  });

  it('approves damaged goods reported within 48 h with photos at once, and leaves the rest to staff', () => {
    const damaged = request({ kind: 'damaged', photos: ['https://img.example.com/1.jpg'] });
    expect(checkCaseRequest(damaged, line(), DEFAULT_CASE_POLICY, hours(47), 'cas_x')).toEqual({
      ok: true,
      resolution: 'replacement',
      needsReturn: false,
      autoApproved: true,
      autoApprovalNote: 'reported within 48 h of delivery with photos',
    });
    expect(checkCaseRequest(damaged, line(), DEFAULT_CASE_POLICY, hours(49), 'cas_x')).toMatchObject({ ok: true, autoApproved: false });
    expect(checkCaseRequest({ ...damaged, photos: [] }, line(), DEFAULT_CASE_POLICY, hours(1), 'cas_x')).toMatchObject({ ok: true, autoApproved: false });
  });

  it('keeps kinds to their goods: no invalid code on a parcel, no damage or return on an issued code', () => {
    expect(checkCaseRequest(request({ kind: 'invalid-code' }), line(), DEFAULT_CASE_POLICY, hours(1), 'cas_x')).toMatchObject({ ok: false, issues: [{ path: 'kind' }] });
    const code = line({ kind: 'virtual', parcels: [], issuedAt: delivered, quantity: 1 });
    expect(checkCaseRequest(request({ kind: 'damaged' }), code, DEFAULT_CASE_POLICY, hours(1), 'cas_x')).toMatchObject({ ok: false, issues: [{ path: 'kind' }] });
    expect(checkCaseRequest(request(), code, DEFAULT_CASE_POLICY, hours(1), 'cas_x')).toMatchObject({ ok: false, refusal: 'not-returnable' });
    expect(checkCaseRequest(request({ kind: 'invalid-code' }), code, DEFAULT_CASE_POLICY, hours(1), 'cas_x')).toMatchObject({
      ok: true,
      resolution: 'reissue',
      autoApproved: true,
    });
  });

  it('takes the resolution the member asks for only among the kind’s', () => {
    expect(checkCaseRequest(request({ kind: 'damaged', resolution: 'refund' }), line(), DEFAULT_CASE_POLICY, hours(1), 'cas_x')).toMatchObject({ ok: true, resolution: 'refund' });
    expect(checkCaseRequest(request({ resolution: 'replacement' }), line(), DEFAULT_CASE_POLICY, hours(1), 'cas_x')).toEqual({
      ok: false,
      refusal: 'invalid',
      issues: [{ path: 'resolution', message: 'a return case ends in refund' }],
    });
  });
});
