import { verifyWebhook } from '@supply-hub/auth';
import type { RechargeRequest } from '@supply-hub/codes-domain';
import { systemTimeSource } from '@supply-hub/http-client';
import nock from 'nock';
import { createMallCouponSystem } from './create-mall-coupon-system';
import type { MallCouponSystem } from './mall-coupon-system';

const URL_BASE = 'http://coupons.mall.test';
const NOW = Date.parse('2026-11-23T08:00:00Z');
const REQUEST: RechargeRequest = { orderNo: 'iss0123456789abcdef0123401', kind: 'direct', providerProductId: 'sku-luckin', faceValueFen: 2_000, quantity: 2 };

describe('MallCouponSystem', () => {
  let system: MallCouponSystem;
  let close: () => void;

  beforeEach(() => {
    ({ system, close } = createMallCouponSystem(
      { tenantId: 'mall-a', url: `${URL_BASE}/coupons`, credential: 'mall-a-coupon-credential' },
      { time: { ...systemTimeSource, now: () => NOW } },
    ));
  });
  afterEach(() => {
    close();
    nock.cleanAll();
  });

  it('asks with the bearer credential and a signature over the exact body, and takes the coupons', async () => {
    let body: unknown;
    let signature = '';
    nock(URL_BASE)
      .matchHeader('authorization', 'Bearer mall-a-coupon-credential')
      .matchHeader('supplyhub-signature', (value: string | null) => Boolean((signature = value ?? '')))
      .post('/coupons', (sent: unknown) => Boolean((body = sent)))
      .reply(200, { coupons: [{ code: 'LK-0001', expiresAt: '2027-01-31T15:59:59Z' }, { code: 'LK-0002', password: '8899' }] });
    expect(await system.submit(REQUEST)).toEqual({
      state: 'success',
      cards: [
        { code: 'LK-0001', expiresAt: '2027-01-31T15:59:59.000Z' },
        { code: 'LK-0002', password: '8899' },
      ],
    });
    expect(body).toEqual({ requestId: REQUEST.orderNo, skuId: 'sku-luckin', quantity: 2 });
    // The signature covers the body exactly as sent (JSON of these three fields, in this order).
    expect(verifyWebhook('mall-a-coupon-credential', signature, JSON.stringify(body), { nowSeconds: NOW / 1000 })).toEqual({ valid: true, timestampSeconds: NOW / 1000 });
  });

  it('a 4xx is the mall refusing (with its detail); a 5xx or a timeout is unknown, never failed', async () => {
    nock(URL_BASE).post('/coupons').reply(409, { title: 'Conflict', detail: '券模板已下架' });
    expect(await system.submit(REQUEST)).toEqual({ state: 'failed', reason: "the mall's coupon system refused (409): 券模板已下架" });
    nock(URL_BASE).post('/coupons').reply(503, 'down');
    expect(await system.submit(REQUEST)).toMatchObject({ state: 'unknown' });
    nock(URL_BASE).post('/coupons').reply(200, { coupons: [] });
    expect(await system.submit(REQUEST)).toMatchObject({ state: 'unknown', reason: expect.stringMatching(/unreadable answer/) });
  });

  it('looks a request up by its id: the coupons, or not found (so the same request is sent again)', async () => {
    nock(URL_BASE).get(`/coupons/${REQUEST.orderNo}`).reply(200, { coupons: [{ code: 'LK-0001' }] });
    expect(await system.query(REQUEST.orderNo)).toEqual({ state: 'success', cards: [{ code: 'LK-0001' }] });
    nock(URL_BASE).get(`/coupons/${REQUEST.orderNo}`).reply(404, { detail: 'no such request' });
    expect(await system.query(REQUEST.orderNo)).toEqual({ state: 'not-found' });
  });

  it('takes no notifies', () => {
    expect(system.readNotify()).toMatchObject({ ok: false });
    expect(system.id).toBe('coupons:mall-a');
  });
});
