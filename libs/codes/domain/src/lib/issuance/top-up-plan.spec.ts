import { attemptOrderNo, type Issuance, issuanceIdFor, type ProviderAttempt } from './issuance';
import { checkDelayMs, planProviderStep } from './top-up-plan';
import { type VirtualProduct, virtualProductIssues } from './virtual-product';

const now = new Date('2026-11-23T08:00:00Z');
const product: VirtualProduct = {
  skuId: 'sku-hf-50',
  name: '话费 50 元',
  fulfilment: 'top-up',
  faceValueFen: 5000,
  accountKind: 'mobile',
  providers: [
    { providerId: 'fulu', providerProductId: '10001' },
    { providerId: 'juhe', providerProductId: '50' },
  ],
};

function issuance(attempts: Partial<ProviderAttempt>[] = [], extra: Partial<Issuance> = {}): Issuance {
  const issuanceId = issuanceIdFor('mall-a', 'ord-1', 'l1');
  return {
    issuanceId,
    tenantId: 'mall-a',
    orderId: 'ord-1',
    lineId: 'l1',
    skuId: product.skuId,
    quantity: 1,
    fulfilment: 'top-up',
    account: '13812345678',
    status: attempts.length > 0 ? 'processing' : 'pending',
    attempts: attempts.map((attempt, index) => ({ n: index + 1, providerId: 'fulu', orderNo: attemptOrderNo(issuanceId, index + 1), state: 'processing', submittedAt: now, checks: 0, ...attempt })),
    codeIds: [],
    createdAt: now,
    updatedAt: now,
    timeline: [],
    ...extra,
  };
}

const all = () => true;

describe('planProviderStep', () => {
  it('submits to the primary first, under an order number derived from the issuance', () => {
    const step = planProviderStep(issuance(), product, all, now);
    expect(step).toEqual({ do: 'submit', providerId: 'fulu', providerProductId: '10001', n: 1, orderNo: `${issuance().issuanceId}01` });
  });

  it('queries an unsettled attempt when its check is due, and never moves it elsewhere', () => {
    for (const state of ['submitting', 'processing', 'unknown'] as const) {
      expect(planProviderStep(issuance([{ state }], { nextCheckAt: now }), product, all, now)).toMatchObject({ do: 'query', attempt: { state } });
      const later = new Date(now.getTime() + 5_000);
      expect(planProviderStep(issuance([{ state }], { nextCheckAt: later }), product, () => false, now)).toMatchObject({ do: 'wait', until: later });
    }
  });

  it('goes to the fallback only after a confirmed failure, and fails with every reason when none is left', () => {
    const afterFulu = planProviderStep(issuance([{ state: 'failed', reason: '号码已停机' }]), product, all, now);
    expect(afterFulu).toMatchObject({ do: 'submit', providerId: 'juhe', n: 2 });
    const both = issuance([{ state: 'failed', reason: '号码已停机' }, { providerId: 'juhe', state: 'failed', reason: '运营商维护' }]);
    expect(planProviderStep(both, product, all, now)).toEqual({ do: 'fail', reason: 'fulu: 号码已停机; juhe: 运营商维护' });
  });

  it('skips a provider whose breaker is open, and waits when none is available', () => {
    expect(planProviderStep(issuance(), product, (id) => id !== 'fulu', now)).toMatchObject({ do: 'submit', providerId: 'juhe' });
    expect(planProviderStep(issuance([{ state: 'not-sent' }]), product, all, now)).toMatchObject({ do: 'submit', providerId: 'fulu', n: 2 });
    expect(planProviderStep(issuance(), product, () => false, now)).toMatchObject({ do: 'wait', until: new Date(now.getTime() + 30_000) });
  });

  it('does nothing for a settled issuance', () => {
    expect(planProviderStep(issuance([], { status: 'issued' }), product, all, now)).toEqual({ do: 'nothing' });
  });

  it('spaces status queries out', () => {
    expect([0, 1, 2, 6, 20].map(checkDelayMs)).toEqual([5_000, 10_000, 20_000, 300_000, 300_000]);
  });

  it('gives one issuance id per tenant order line', () => {
    expect(issuanceIdFor('mall-a', 'o1', 'l1')).toBe(issuanceIdFor('mall-a', 'o1', 'l1'));
    expect(issuanceIdFor('mall-b', 'o1', 'l1')).not.toBe(issuanceIdFor('mall-a', 'o1', 'l1'));
    expect(issuanceIdFor('mall-a', 'o1', 'l1')).toMatch(/^iss[0-9a-f]{21}$/);
  });
});

describe('virtualProductIssues', () => {
  it('asks top-ups for providers and an account kind, and keeps providers off pools and coupons', () => {
    expect(virtualProductIssues(product)).toEqual([]);
    expect(virtualProductIssues({ ...product, providers: [], accountKind: undefined })).toEqual([
      { path: 'providers', message: 'a top-up product needs at least one provider' },
      { path: 'accountKind', message: 'a top-up product must say what it credits (mobile, fuel-card or member-id)' },
    ]);
    expect(virtualProductIssues({ ...product, fulfilment: 'coupon', accountKind: undefined })).toEqual([
      { path: 'providers', message: "coupons come from each mall's own coupon system (PUT /coupon-system), not from providers" },
    ]);
    expect(virtualProductIssues({ ...product, fulfilment: 'pool', accountKind: undefined, providers: [] })).toEqual([]);
  });
});
