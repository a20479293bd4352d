import { ValidationError } from '@supply-hub/errors';
import nock from 'nock';
import { BrandFeedSupplierSource } from '../brand-feed/brand-feed-supplier-source';
import { JdSupplierSource } from '../jd/jd-supplier-source';
import { TaobaoSupplierSource } from '../taobao/taobao-supplier-source';
import { createSupplierSources } from './create-supplier-sources';
import { parseSupplierSourcesConfig } from './supplier-sources-config';

const SETTING = JSON.stringify({
  sources: [
    {
      kind: 'jd',
      id: 'jd',
      baseUrl: 'http://sim.test/jd/',
      credentials: { clientId: 'c', clientSecret: 's', username: 'u', password: 'p' },
      detailConcurrency: 8,
      http: { rateLimit: { requestsPerSecond: 50 }, breaker: { resetTimeoutMs: 5000 } },
    },
    { kind: 'taobao', id: 'taobao', baseUrl: 'http://sim.test/taobao/', credentials: { appKey: 'k', appSecret: 's', session: 'x' }, signMethod: 'hmac' },
    { kind: 'brand-feed', id: 'brand-midea', url: 'http://sim.test/feeds/midea.csv', format: 'csv' },
    { kind: 'brand-feed', id: 'brand-haier', url: 'http://sim.test/feeds/haier.json', format: 'json', columns: { 编号: 'externalId', 名称: 'title' } },
  ],
});

afterAll(() => nock.restore());
afterEach(() => nock.cleanAll());

describe('createSupplierSources', () => {
  it('builds every configured source from one JSON setting', () => {
    const sources = createSupplierSources(parseSupplierSourcesConfig(SETTING));

    expect(sources.sources.map((source) => [source.sourceId, source.kind])).toEqual([
      ['jd', 'jd'],
      ['taobao', 'taobao'],
      ['brand-midea', 'brand-feed'],
      ['brand-haier', 'brand-feed'],
    ]);
    expect(sources.get('jd')).toBeInstanceOf(JdSupplierSource);
    expect(sources.get('taobao')).toBeInstanceOf(TaobaoSupplierSource);
    expect(sources.get('brand-haier')).toBeInstanceOf(BrandFeedSupplierSource);
    expect(sources.get('nope')).toBeUndefined();
    sources.close();
  });

  it('reports breaker states and stats per source once endpoints were called', async () => {
    nock('http://sim.test').get('/feeds/midea.csv').reply(200, '商品编码,商品名称\nMD1,电饭煲\n');
    const sources = createSupplierSources(parseSupplierSourcesConfig(SETTING));

    for await (const page of sources.get('brand-midea')?.fullSync() ?? []) expect(page.records).toHaveLength(1);

    expect(sources.breakerStates()).toEqual({ jd: {}, taobao: {}, 'brand-midea': { 'brand-midea:feed': 'closed' }, 'brand-haier': {} });
    expect(sources.stats().find((stats) => stats.name === 'brand-midea')?.endpoints).toEqual([
      expect.objectContaining({ endpoint: 'brand-midea:feed', successes: 1 }),
    ]);
    sources.close();
  });

  it('names the field of a bad setting', () => {
    const bad = JSON.parse(SETTING);
    delete bad.sources[1].credentials.appKey;
    bad.sources[0].detailConcurrency = 0;

    const error = (() => {
      try {
        parseSupplierSourcesConfig(JSON.stringify(bad));
      } catch (e) {
        return e;
      }
      return undefined;
    })();

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(['sources.0.detailConcurrency', 'sources.1.credentials.appKey']);
  });

  it('refuses duplicate ids, unknown kinds and text that is not JSON', () => {
    const duplicate = JSON.parse(SETTING);
    duplicate.sources[3].id = 'brand-midea';
    expect(() => parseSupplierSourcesConfig(JSON.stringify(duplicate))).toThrow(/source ids must be unique/);
    expect(() => parseSupplierSourcesConfig(JSON.stringify({ sources: [{ kind: 'alibaba', id: 'x' }] }))).toThrow(ValidationError);
    expect(() => parseSupplierSourcesConfig('{sources:')).toThrow(/not JSON/);
  });
});
