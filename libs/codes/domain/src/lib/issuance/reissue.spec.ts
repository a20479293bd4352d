import { attemptOrderNo, type Issuance, issuanceIdFor, issuanceIdOfOrderNo, lineIssuanceIdFor, type ProviderAttempt, reissueIssuanceIdFor } from './issuance';
import { confirmedDeliveredReason, reissueCheckOf, reissueSubjectOf, reissueVerdictOf } from './reissue';

const now = new Date('2026-11-23T08:00:00Z');
const CASE = 'cas_0123456789abcdef0123';

function delivery(extra: Partial<Issuance> = {}, attempts: Partial<ProviderAttempt>[] = []): Issuance {
  const issuanceId = extra.issuanceId ?? issuanceIdFor('mall-a', 'ord-1', '1');
  return {
    issuanceId,
    tenantId: 'mall-a',
    orderId: 'ord-1',
    lineId: '1',
    skuId: 'sku-hf-50',
    quantity: 1,
    fulfilment: 'top-up',
    account: '13812345678',
    status: 'issued',
    attempts: attempts.map((attempt, index) => ({ n: index + 1, providerId: 'fulu', orderNo: attemptOrderNo(issuanceId, index + 1), state: 'success', submittedAt: now, checks: 0, ...attempt })),
    codeIds: [],
    createdAt: now,
    updatedAt: now,
    timeline: [],
    ...extra,
  };
}

describe('reissue ids', () => {
  it('one per case and line, never the line’s own, and stable across deliveries', () => {
    const id = reissueIssuanceIdFor('mall-a', 'ord-1', '1', CASE);
    expect(id).toBe(reissueIssuanceIdFor('mall-a', 'ord-1', '1', CASE));
    expect(id).not.toBe(issuanceIdFor('mall-a', 'ord-1', '1'));
    expect(id).not.toBe(reissueIssuanceIdFor('mall-a', 'ord-1', '1', 'cas_0123456789abcdef0124'));
    expect(id).not.toBe(reissueIssuanceIdFor('mall-b', 'ord-1', '1', CASE));
    expect(id).not.toBe(reissueIssuanceIdFor('mall-a', 'ord-1', '2', CASE));
  });

  it('has the shape of a line’s id, so a reissue’s provider notifies find it', () => {
    const id = reissueIssuanceIdFor('mall-a', 'ord-1', '1', CASE);
    expect(issuanceIdOfOrderNo(attemptOrderNo(id, 1))).toBe(id);
  });

  it('a line without a case means its own issuance, with one its reissue', () => {
    expect(lineIssuanceIdFor('mall-a', 'ord-1', '1')).toBe(issuanceIdFor('mall-a', 'ord-1', '1'));
    expect(lineIssuanceIdFor('mall-a', 'ord-1', '1', CASE)).toBe(reissueIssuanceIdFor('mall-a', 'ord-1', '1', CASE));
  });
});

describe('which delivery a case is about', () => {
  it('the original while it is the only one delivered', () => {
    const original = delivery();
    expect(reissueSubjectOf([original])).toEqual({ ok: true, subject: original });
  });

  it('the latest delivery that was issued, passing over a reissue that failed', () => {
    const original = delivery();
    const second = delivery({ issuanceId: reissueIssuanceIdFor('mall-a', 'ord-1', '1', CASE) });
    const failed = delivery({ issuanceId: reissueIssuanceIdFor('mall-a', 'ord-1', '1', 'cas_0123456789abcdef0124'), status: 'failed' });
    expect(reissueSubjectOf([original, second, failed])).toEqual({ ok: true, subject: second });
  });

  it('none while any delivery is in flight: it may still arrive', () => {
    const subject = reissueSubjectOf([delivery(), delivery({ issuanceId: 'iss-2', status: 'processing' })]);
    expect(subject).toMatchObject({ ok: false, why: 'unsettled', message: expect.stringContaining('iss-2 of the line is still processing') });
    expect(reissueSubjectOf([delivery({ status: 'pending' })])).toMatchObject({ ok: false, why: 'unsettled' });
  });

  it('none when nothing was ever delivered: the failed line was refunded', () => {
    expect(reissueSubjectOf([delivery({ status: 'failed' })])).toMatchObject({ ok: false, why: 'never-delivered' });
  });
});

describe('how a delivery is verified', () => {
  it('a top-up or bought card: the provider of the attempt that delivered it is asked, after a fallback too', () => {
    const topUp = delivery({}, [{ providerId: 'fulu', state: 'failed' }, { providerId: 'juhe', state: 'success' }]);
    expect(reissueCheckOf(topUp)).toEqual({ do: 'ask', attempt: topUp.attempts[1] });
    const card = delivery({ fulfilment: 'card-purchase', account: undefined }, [{ providerId: 'fulu' }]);
    expect(reissueCheckOf(card)).toEqual({ do: 'ask', attempt: card.attempts[0] });
  });

  it('pool codes and coupons: nobody to ask', () => {
    expect(reissueCheckOf(delivery({ fulfilment: 'pool', codeIds: ['lane:1'] }))).toEqual({ do: 'none', verdict: 'not-verifiable' });
    // A coupon line's attempt went to the mall's own coupon system, which is not asked either.
    expect(reissueCheckOf(delivery({ fulfilment: 'coupon' }, [{ providerId: 'coupons:mall-a' }]))).toEqual({ do: 'none', verdict: 'not-verifiable' });
  });

  it('a provider delivery without a successful attempt on record: not verifiable', () => {
    expect(reissueCheckOf(delivery({}, [{ state: 'failed' }]))).toEqual({ do: 'none', verdict: 'not-verifiable' });
  });
});

describe('the verdict in the provider’s answer', () => {
  it('success: delivered; confirmed failure or no such order: not delivered', () => {
    expect(reissueVerdictOf({ state: 'success', providerOrderId: 'F-1' })).toBe('confirmed-delivered');
    expect(reissueVerdictOf({ state: 'failed', reason: '号码已停机' })).toBe('confirmed-not-delivered');
    expect(reissueVerdictOf({ state: 'not-found' })).toBe('confirmed-not-delivered');
  });

  it('a timeout or an order still in progress is no verdict: never a reason to credit twice', () => {
    expect(reissueVerdictOf({ state: 'unknown', reason: 'timeout of 5000ms exceeded' })).toBeUndefined();
    expect(reissueVerdictOf({ state: 'processing' })).toBeUndefined();
  });

  it('says what the provider confirmed', () => {
    const attempt = { providerId: 'juhe', orderNo: 'iss0123456789abcdef0123401' };
    expect(confirmedDeliveredReason({ fulfilment: 'top-up' }, attempt)).toBe(
      'the provider confirms the original was credited (juhe, order iss0123456789abcdef0123401); nothing is issued again',
    );
    expect(confirmedDeliveredReason({ fulfilment: 'card-purchase' }, attempt)).toMatch(/^the provider confirms the original cards were delivered/);
  });
});
