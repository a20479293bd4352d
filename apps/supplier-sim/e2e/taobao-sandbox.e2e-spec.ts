import { startTestService, type TestService } from '@supply-hub/platform/testing';
import { isValidEan13 } from '@supply-hub/sim-catalog-data';
import type { TaobaoItem } from '@supply-hub/supplier-protocols';
import { simServiceOptions, simStats, taobaoGet, taobaoParams, taobaoPost } from './support/sim-clients';

describe('supplier-sim: Taobao gateway over HTTP', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService(simServiceOptions());
  });

  afterAll(async () => {
    await service?.close();
  });

  it.each(['md5', 'hmac', 'hmac-sha256'] as const)('pages every on-sale item once (GET, signed with %s)', async (signMethod) => {
    const ids: number[] = [];
    let total = 0;
    for (let page = 1; page <= 10; page++) {
      const answer = (
        await taobaoGet(
          service,
          { method: 'taobao.items.onsale.get', fields: 'num_iid,title,price,modified', page_no: String(page), page_size: '200' },
          signMethod,
        )
      ).items_onsale_get_response!;
      total = answer.total_results;
      if (!answer.items) break;
      ids.push(...answer.items.item.map((item) => item.num_iid!));
    }
    const { world } = await simStats(service);
    expect(total).toBe(world.sources['taobao']!.skus);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });

  it('answers one item by num_iid (form POST)', async () => {
    const first = (await taobaoPost(service, { method: 'taobao.items.onsale.get', fields: 'num_iid', page_size: '1' })).items_onsale_get_response!.items!
      .item[0]!;
    const answer = await taobaoPost(service, {
      method: 'taobao.item.seller.get',
      fields: 'num_iid,title,price,approve_status,cat_path',
      num_iid: String(first.num_iid),
    });
    expect(answer.item_seller_get_response!.item).toMatchObject({
      num_iid: first.num_iid,
      approve_status: 'onsale',
      price: expect.stringMatching(/^-?\d+\.\d{2}$/),
    });
  });

  it("refuses a wrong signature with TOP's code 25", async () => {
    const params = taobaoParams({ method: 'taobao.items.onsale.get', fields: 'num_iid' });
    const answer = (
      await service.http
        .get('/taobao/router/rest')
        .query({ ...params, fields: 'num_iid,title' })
        .expect(200)
    ).body;
    expect(answer.error_response).toMatchObject({ code: 25, msg: 'Invalid signature' });
  });

  it('refuses paging beyond page_no × page_size = 10,000', async () => {
    const answer = await taobaoGet(service, { method: 'taobao.items.onsale.get', fields: 'num_iid', page_no: '101', page_size: '100' });
    expect(answer.error_response).toMatchObject({ code: 41, sub_code: 'isv.page-limit-exceeded' });
  });

  it('answers platform faults in-band: code 15 isp.* and code 7 with Retry-After', async () => {
    try {
      await service.http
        .post('/sim/faults')
        .send({ taobao: { errorRate: 1 } })
        .expect(200);
      const failed = await taobaoGet(service, { method: 'taobao.items.onsale.get', fields: 'num_iid' });
      expect(failed.error_response).toMatchObject({ code: 15, sub_code: expect.stringMatching(/^isp\./) });

      await service.http
        .post('/sim/faults')
        .send({ taobao: { errorRate: 0, rateLimitPerSecond: 1 } })
        .expect(200);
      const responses = [];
      for (let i = 0; i < 4; i++)
        responses.push(await service.http.get('/taobao/router/rest').query(taobaoParams({ method: 'taobao.items.onsale.get', fields: 'num_iid' })));
      const limited = responses.filter((response) => response.body.error_response?.code === 7);
      expect(limited.length).toBeGreaterThanOrEqual(2);
      expect(limited[0]!.body.error_response.sub_code).toBe('accesscontrol.limited-by-app-access-count');
      expect(Number(limited[0]!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    } finally {
      await service.http
        .post('/sim/faults')
        .send({ taobao: { errorRate: 0, rateLimitPerSecond: 0 } })
        .expect(200);
    }
  });

  it('sends broken records in good pages at a malformed rate of 1', async () => {
    try {
      await service.http
        .post('/sim/faults')
        .send({ taobao: { malformedRate: 1 } })
        .expect(200);
      const items = (await taobaoGet(service, { method: 'taobao.items.onsale.get', fields: 'num_iid,title,price,barcode,brand', page_size: '50' }))
        .items_onsale_get_response!.items!.item;
      expect(items).toHaveLength(50);
      const broken = (item: Partial<TaobaoItem>) =>
        item.title === '' || Number(item.price) <= 0 || item.brand === undefined || (item.barcode !== undefined && !isValidEan13(item.barcode));
      expect(items.every(broken)).toBe(true);
      expect(items.some((item) => item.title === '')).toBe(true);
      expect(items.some((item) => Number(item.price) < 0)).toBe(true);
    } finally {
      await service.http
        .post('/sim/faults')
        .send({ taobao: { malformedRate: 0 } })
        .expect(200);
    }
  });
});
