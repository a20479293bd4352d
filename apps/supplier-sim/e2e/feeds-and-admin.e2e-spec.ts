import { startTestService, type TestService } from '@supply-hub/platform/testing';
import { simServiceOptions, simStats } from './support/sim-clients';

describe('supplier-sim: brand feeds and the admin API over HTTP', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService(simServiceOptions());
  });

  afterAll(async () => {
    await service?.close();
  });

  it('lists the brands with their feed URLs', async () => {
    const { brands } = (await service.http.get('/feeds').expect(200)).body;
    expect(brands.map((brand: { slug: string }) => brand.slug)).toEqual(['midea', 'joyoung', 'xiaomi', 'three-squirrels', 'yili']);
    expect(brands[0].csv).toMatch(/\/feeds\/midea\/products\.csv$/);
    expect(brands.filter((brand: { headers: string }) => brand.headers === 'zh')).toHaveLength(4);
  });

  it('serves a CSV feed with a BOM, then 304 to conditional GETs, then a new ETag after a change round', async () => {
    const first = await service.http.get('/feeds/midea/products.csv').expect(200);
    expect(first.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(first.text.startsWith('\uFEFF商品编码,商品名称,品牌')).toBe(true);
    const etag = first.headers['etag'] as string;
    const lastModified = first.headers['last-modified'] as string;
    expect(etag).toBeTruthy();
    expect(lastModified).toBeTruthy();

    await service.http.get('/feeds/midea/products.csv').set('If-None-Match', etag).expect(304);
    await service.http.get('/feeds/midea/products.csv').set('If-Modified-Since', lastModified).expect(304);

    const round = (await service.http.post('/sim/changes').send({ priceMoves: 300, stockOuts: 50 }).expect(200)).body;
    expect(round.bySource['brand-midea']).toBeDefined();
    const after = await service.http.get('/feeds/midea/products.csv').set('If-None-Match', etag).expect(200);
    expect(after.headers['etag']).not.toBe(etag);
    await service.http
      .get('/feeds/midea/products.csv')
      .set('If-None-Match', after.headers['etag'] as string)
      .expect(304);
  });

  it('serves the same rows as JSON', async () => {
    const csv = (await service.http.get('/feeds/xiaomi/products.csv').expect(200)).text;
    const json = (await service.http.get('/feeds/xiaomi/products.json').expect(200)).body as Record<string, unknown>[];
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('\uFEFFsku,product_name,brand,model,ean,category,subcategory,supply_price,market_price,stock,specs,images,status');
    expect(json).toHaveLength(lines.length - 1);
    expect(json[0]!['sku']).toBe(lines[1]!.split(',')[0]);
  });

  it('answers 429 with Retry-After when feeds are over their rate limit', async () => {
    try {
      await service.http
        .post('/sim/faults')
        .send({ feeds: { rateLimitPerSecond: 1 } })
        .expect(200);
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        const response = await service.http.get('/feeds/yili/products.json');
        statuses.push(response.status);
        if (response.status === 429) expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      }
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(2);
    } finally {
      await service.http
        .post('/sim/faults')
        .send({ feeds: { rateLimitPerSecond: 0 } })
        .expect(200);
    }
  });

  it('answers late under the timeout fault', async () => {
    try {
      await service.http
        .post('/sim/faults')
        .send({ feeds: { timeoutRate: 1, timeoutMs: 300 } })
        .expect(200);
      const started = Date.now();
      await service.http.get('/feeds/yili/products.json').expect(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    } finally {
      await service.http
        .post('/sim/faults')
        .send({ feeds: { timeoutRate: 0 } })
        .expect(200);
    }
  });

  it('shows and validates fault settings', async () => {
    const faults = (await service.http.get('/sim/faults').expect(200)).body;
    expect(Object.keys(faults).sort()).toEqual(['carrier', 'feeds', 'fulu', 'jd', 'juhe', 'taobao']);
    expect(faults.jd).toEqual({
      latencyMs: 0,
      errorRate: 0,
      rateLimitPerSecond: 0,
      timeoutRate: 0,
      timeoutMs: 30000,
      malformedRate: 0,
      changesBetweenPages: 0,
    });
    const refused = await service.http
      .post('/sim/faults')
      .send({ jd: { errorRate: 2 } })
      .expect(400);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    await service.http.post('/sim/changes').send({ priceMoves: 1.5 }).expect(400);
  });

  it('counts requests per endpoint and resets to the seed state', async () => {
    await service.http.post('/sim/changes').send({ newSkus: 20 }).expect(200);
    const before = await simStats(service);
    expect(before.requests.endpoints['feeds midea.csv'].requests).toBeGreaterThanOrEqual(4);
    const grown = Object.values(before.world.sources).reduce((sum, source) => sum + source.skus, 0);
    expect(grown).toBe(2020);

    await service.http.post('/sim/reset').expect(200);
    const after = await simStats(service);
    expect(Object.values(after.world.sources).reduce((sum, source) => sum + source.skus, 0)).toBe(2000);
    expect(Object.values(after.world.sources).every((source) => source.version === 0)).toBe(true);
    expect(after.requests.totalRequests).toBe(0);
  });
});
