import { type Issuance, issuanceIdFor, reissueIssuanceIdFor } from '@supply-hub/codes-domain';
import { IssuanceStatusChanged, RefundIssued, type SerializedEvent } from '@supply-hub/contracts';
import { moveIssuance } from './codes-events';

const now = new Date('2026-11-23T08:00:00Z');
const CASE = 'cas_0123456789abcdef0123';

function issuance(extra: Partial<Issuance> = {}): Issuance {
  return {
    issuanceId: issuanceIdFor('mall-a', 'ord-1', '1'),
    tenantId: 'mall-a',
    orderId: 'ord-1',
    lineId: '1',
    skuId: 'sku-iqiyi-month',
    quantity: 2,
    unitPriceFen: 2400,
    fulfilment: 'pool',
    status: 'processing',
    attempts: [],
    codeIds: [],
    createdAt: now,
    updatedAt: now,
    timeline: [{ at: now, status: 'processing', note: 'waiting for codes' }],
    ...extra,
  };
}

const reissue = (verdict: 'confirmed-not-delivered' | 'not-verifiable' = 'not-verifiable') =>
  issuance({ issuanceId: reissueIssuanceIdFor('mall-a', 'ord-1', '1', CASE), reissue: { caseId: CASE, verdict, originalIssuanceId: issuanceIdFor('mall-a', 'ord-1', '1') } });

const parsed = (events: SerializedEvent[]) => events.map((event) => ({ type: event.type, key: event.key, ...JSON.parse(event.value) }));

describe('issuance events', () => {
  it('a line that fails owes the mall its refund', () => {
    const { events } = moveIssuance(issuance(), 'failed', 'the code pool had 0 of 2 code(s)', now);
    expect(parsed(events).map((event) => event.type)).toEqual([IssuanceStatusChanged.type, RefundIssued.type]);
    expect(parsed(events)[1]).toMatchObject({ tenantid: 'mall-a', data: { refundId: `rf-${issuanceIdFor('mall-a', 'ord-1', '1')}`, amountFen: 4800 } });
    expect(parsed(events)[0].data.reissue).toBeUndefined();
  });

  it('a reissue that fails owes none: the case refunds the member, never twice', () => {
    const { issuance: failed, events } = moveIssuance(reissue(), 'failed', 'the code pool had 0 of 2 code(s)', now);
    expect(failed).toMatchObject({ status: 'failed', reason: 'the code pool had 0 of 2 code(s)' });
    expect(parsed(events).map((event) => event.type)).toEqual([IssuanceStatusChanged.type]);
  });

  it('a reissue’s status changes name the case and verdict, under the original order and line', () => {
    const issued = moveIssuance(reissue('confirmed-not-delivered'), 'issued', '2 code(s) from the pool', now);
    const [event] = parsed(issued.events);
    expect(event).toMatchObject({
      key: 'ord-1:1',
      tenantid: 'mall-a',
      data: { issuanceId: reissueIssuanceIdFor('mall-a', 'ord-1', '1', CASE), orderId: 'ord-1', lineId: '1', status: 'issued', reissue: { caseId: CASE, verdict: 'confirmed-not-delivered' } },
    });
    // The contract's schema accepts it as it goes out.
    expect(IssuanceStatusChanged.schema.safeParse(event.data).success).toBe(true);
    expect(event.data.reissue).not.toHaveProperty('originalIssuanceId');
  });
});
