import { startTestService, type TestService } from '@supply-hub/platform/testing';
import type { JdStock, JdTokenResult } from '@supply-hub/supplier-protocols';
import { jdAllSkuIds, jdLogin, jdPost, jdTokenForm, simServiceOptions, simStats } from './support/sim-clients';

describe('supplier-sim: JD sandbox over HTTP', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService(simServiceOptions());
  });

  afterAll(async () => {
    await service?.close();
  });

  it('issues a token for a correctly signed form and refuses a wrong signature with 1002', async () => {
    const tokens = await jdLogin(service);
    expect(tokens.access_token).toMatch(/^[0-9a-f]{32}$/);
    const tampered = jdTokenForm();
    tampered.sign = tampered.sign.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(await jdPost(service, 'oauth2/accessToken', tampered)).toEqual({ success: false, resultCode: '1002', resultMessage: '签名错误', result: null });
  });

  it('expires access tokens (1004) and lets the refresh token get a new one', async () => {
    const { access_token, refresh_token } = await jdLogin(service);
    expect(await jdPost(service, 'api/product/getPageNum', { token: access_token })).toMatchObject({ success: true });

    await service.http.post('/sim/jd/tokens/expire').expect(200);
    expect(await jdPost(service, 'api/product/getPageNum', { token: access_token })).toMatchObject({ success: false, resultCode: '1004' });

    const refreshed = await jdPost<JdTokenResult>(service, 'oauth2/refreshToken', {
      refresh_token,
      client_id: 'sandbox-client',
      client_secret: 'sandbox-secret',
    });
    expect(refreshed).toMatchObject({ success: true, result: { expires_in: 86400, refresh_token } });
    expect(refreshed.result.access_token).not.toBe(access_token);
    expect(await jdPost(service, 'api/product/getPageNum', { token: refreshed.result.access_token })).toMatchObject({ success: true });
    expect(await jdPost(service, 'api/product/getPageNum', { token: 'forged' })).toMatchObject({ success: false, resultCode: '1003' });
  });

  it('pages the whole JD catalog through its pools: every SKU once', async () => {
    const { access_token: token } = await jdLogin(service);
    const ids = await jdAllSkuIds(service, token);
    const { world } = await simStats(service);
    expect(ids).toHaveLength(world.sources['jd']!.skus);
    expect(ids.length).toBe(900);
    expect(new Set(ids).size).toBe(ids.length);

    const detail = await jdPost(service, 'api/product/getDetail', { token, sku: String(ids[0]) });
    expect(detail.result).toMatchObject({ sku: ids[0], name: expect.any(String), category: expect.stringMatching(/;/), saleUnit: expect.any(String) });
    const prices = await jdPost(service, 'api/price/getSellPrice', { token, sku: ids.slice(0, 100).join(',') });
    expect(prices.result).toHaveLength(100);
    const stock = await jdPost<JdStock[]>(service, 'api/stock/getNewStockById', {
      token,
      skuNums: JSON.stringify(ids.slice(0, 5).map((skuId) => ({ skuId, num: 1 }))),
      area: '1_0_0',
    });
    expect(stock.result.map((entry) => entry.skuId)).toEqual(ids.slice(0, 5));
  });

  it('answers a bad parameter with 2001', async () => {
    const { access_token: token } = await jdLogin(service);
    expect(await jdPost(service, 'api/product/getSkuByPage', { token, pageNum: '9001' })).toMatchObject({ success: false, resultCode: '2001' });
    expect(await jdPost(service, 'api/product/getDetail', { token, sku: 'abc' })).toMatchObject({ success: false, resultCode: '2001' });
  });

  it('answers 429 with Retry-After over the rate limit, and 5xx at an error rate of 1', async () => {
    const { access_token: token } = await jdLogin(service);
    await service.http
      .post('/sim/faults')
      .send({ jd: { rateLimitPerSecond: 2 } })
      .expect(200);
    try {
      const responses = [];
      for (let i = 0; i < 6; i++) responses.push(await service.http.post('/jd/api/product/getPageNum').type('form').send({ token }));
      const limited = responses.filter((response) => response.status === 429);
      expect(limited.length).toBeGreaterThanOrEqual(2);
      expect(Number(limited[0]!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(limited[0]!.body).toMatchObject({ success: false, resultCode: '5001' });

      await service.http
        .post('/sim/faults')
        .send({ jd: { rateLimitPerSecond: 0, errorRate: 1 } })
        .expect(200);
      const failed = await service.http.post('/jd/api/product/getPageNum').type('form').send({ token });
      expect([500, 502, 503]).toContain(failed.status);
    } finally {
      await service.http
        .post('/sim/faults')
        .send({ jd: { rateLimitPerSecond: 0, errorRate: 0 } })
        .expect(200);
    }
    const stats = await simStats(service);
    expect(stats.requests.endpoints['jd product/getPageNum']).toMatchObject({ rateLimited: expect.any(Number), errors: 1 });
  });
});
