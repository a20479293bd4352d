import type { BrandFeedPayload, SourcePage } from '@supply-hub/catalog-domain';
import { DependencyUnavailableError } from '@supply-hub/errors';
import type { HttpClient } from '@supply-hub/http-client';
import { SupplierAnswerMalformedError } from '@supply-hub/supplier-clients';
import nock from 'nock';
import { fakeTimeSource } from '../../testing';
import { brandFeedSourceFromConfig } from './create-brand-feed-supplier-source';
import { type BrandFeedSourceConfigInput, brandFeedSourceConfigSchema } from './brand-feed-source-config';

const HOST = 'http://feeds.test';
const ETAG = '"v1"';
const LAST_MODIFIED = 'Sun, 22 Nov 2026 04:00:00 GMT';
const HEADER = '商品编码,商品名称,品牌,型号,条形码,分类,子分类,供货价,市场价,库存,规格,图片,状态';
// A BOM, Chinese headers, CRLF line ends, a quoted cell with a comma, a short row, a blank row, a row
// without its id and an inch mark: what brands send.
const CSV = [
  `\uFEFF${HEADER}`,
  'MD000001,美的电饭煲 4L,美的,MB-4E86,6901234567892,实物,电饭煲,199.00,299.00,35,"容量:4L;功率:860W",https://img.example/1.jpg|https://img.example/1b.jpg,上架',
  'MD000002,美的电压力锅,美的,MY-50,6901234567908,实物,电压力锅,259.00,399.00,0,容量:5L,https://img.example/2.jpg,下架',
  'MD000003,少一列的行,美的,MX-1,6901234567915,实物,电饭煲,99.00,199.00,5,,',
  ',,,,,,,,,,,,',
  ',没有编码,美的,MZ-9,,实物,电饭煲,10.00,20.00,1,,,上架',
  'MD000006,15.6"便携显示器,美的,MQ-6,,实物,显示器,10.00,20.00,1,,,上架',
  'MD000007,美的电水壶,美的,SH-17,6901234567939,实物,电水壶,59.00,99.00,120,容量:1.7L,https://img.example/7.jpg,上架',
].join('\r\n');

const csvConfig: BrandFeedSourceConfigInput = { kind: 'brand-feed', id: 'brand-midea', url: `${HOST}/midea/feed.csv`, format: 'csv', recordsPerPage: 3 };

let http: HttpClient | undefined;

beforeAll(() => nock.disableNetConnect());
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});
afterEach(() => {
  nock.cleanAll();
  http?.close();
  http = undefined;
});

function sourceWith(input: BrandFeedSourceConfigInput = csvConfig) {
  const fake = fakeTimeSource();
  const built = brandFeedSourceFromConfig({ http: { retry: { maxAttempts: 3, baseDelayMs: 10 } }, ...input }, { time: fake.time });
  http = built.http;
  return { source: built.source, ...fake };
}

async function collect(pages: AsyncIterable<SourcePage<BrandFeedPayload>>, limit = Infinity) {
  const collected: SourcePage<BrandFeedPayload>[] = [];
  for await (const page of pages) {
    collected.push(page);
    if (collected.length >= limit) break;
  }
  return collected;
}

const serveCsv = (body = CSV, headers: Record<string, string> = { ETag: ETAG, 'Last-Modified': LAST_MODIFIED }) =>
  nock(HOST)
    .get('/midea/feed.csv')
    .reply(200, body, { 'Content-Type': 'text/csv; charset=utf-8', ...headers });
const idsOf = (pages: SourcePage<BrandFeedPayload>[]) => pages.flatMap((page) => page.records.map((record) => record.externalId));

describe('BrandFeedSupplierSource CSV', () => {
  it('maps Chinese headers behind a BOM onto canonical fields, as raw strings', async () => {
    serveCsv();
    const { source } = sourceWith();

    const pages = await collect(source.fullSync());

    const first = pages[0].records[0];
    expect(first).toEqual({
      sourceId: 'brand-midea',
      kind: 'brand-feed',
      externalId: 'MD000001',
      payload: {
        line: 2,
        fields: {
          externalId: 'MD000001',
          title: '美的电饭煲 4L',
          brand: '美的',
          model: 'MB-4E86',
          barcode: '6901234567892',
          categoryFamily: '实物',
          subcategory: '电饭煲',
          supplyPrice: '199.00',
          marketPrice: '299.00',
          stock: '35',
          specs: '容量:4L;功率:860W',
          images: 'https://img.example/1.jpg|https://img.example/1b.jpg',
          status: '上架',
        },
      },
    });
    // Empty cells are left out rather than passed on as "".
    expect(pages[0].records[1].payload.fields).not.toHaveProperty('barcode', '');
  });

  it('yields malformed rows for quarantine, skips blank ones and reads on to the end', async () => {
    serveCsv();
    const { source } = sourceWith();

    const records = (await collect(source.fullSync())).flatMap((page) => page.records);

    expect(records.map((record) => [record.externalId, record.payload.malformed ?? 'ok'])).toEqual([
      ['MD000001', 'ok'],
      ['MD000002', 'ok'],
      ['#line-4', '12 cells where the header has 13'],
      ['#line-6', 'no value in the id column (商品编码)'],
      ['MD000006', 'ok'],
      ['MD000007', 'ok'],
    ]);
    expect(records[4].payload.fields.title).toBe('15.6"便携显示器');
    expect(records[2].payload.raw).toBe('MD000003,少一列的行,美的,MX-1,6901234567915,实物,电饭煲,99.00,199.00,5,,');
  });

  it('pages by recordsPerPage and resumes after the last page returned when the file is unchanged', async () => {
    serveCsv();
    const { source } = sourceWith();
    const [first, second] = await collect(source.fullSync());

    expect(JSON.parse(first.cursor ?? '')).toEqual({ v: 1, phase: 'rows', etag: ETAG, lastModified: LAST_MODIFIED, next: 3 });
    expect(JSON.parse(second.cursor ?? '')).toEqual({ v: 1, phase: 'end', etag: ETAG, lastModified: LAST_MODIFIED });
    // Each page names its rows, so the pipeline can skip the ones it already stored.
    expect([first.snapshotKey, second.snapshotKey]).toEqual(['rows:0+3', 'rows:3+3']);

    serveCsv();
    const rest = await collect(source.fullSync({ resumeFrom: first.cursor }));
    expect(idsOf(rest)).toEqual(['#line-6', 'MD000006', 'MD000007']);
  });

  it('keeps file order when the parser skips a row it cannot read', async () => {
    serveCsv(
      [
        HEADER,
        'MD000001,好的,美的,,,,,1.00,2.00,1,,,上架',
        'MD000002,"引号没有闭合,美的,,,,,1.00,2.00,1,,,上架',
        'MD000003,也好,美的,,,,,1.00,2.00,1,,,上架',
      ].join('\n'),
    );
    const { source } = sourceWith();

    const records = (await collect(source.fullSync())).flatMap((page) => page.records);

    expect(records.map((record) => record.externalId)).toEqual(['MD000001', '#line-4']);
    expect(records[1].payload.malformed).toMatch(/^unreadable CSV row: Quote Not Closed/);
  });

  it('starts over when the file changed since the cursor was taken', async () => {
    serveCsv(CSV, { ETag: '"v2"' });
    const { source } = sourceWith();

    const pages = await collect(source.fullSync({ resumeFrom: JSON.stringify({ v: 1, phase: 'rows', etag: ETAG, next: 3 }) }));

    expect(idsOf(pages)).toHaveLength(6);
    expect(JSON.parse(pages.at(-1)?.cursor ?? '')).toMatchObject({ phase: 'end', etag: '"v2"' });
  });

  it('reads a feed with its own column names and id column from configuration alone', async () => {
    nock(HOST).get('/acme.csv').reply(200, 'SKU,Name,Price,Qty,Code\nA-1,Kettle,59.90,3,X\n');
    const { source } = sourceWith({
      kind: 'brand-feed',
      id: 'brand-acme',
      url: `${HOST}/acme.csv`,
      format: 'csv',
      columns: { SKU: 'model', Name: 'title', Price: 'supplyPrice', Qty: 'stock' },
      idColumn: 'Code',
    });

    const [page] = await collect(source.fullSync());

    expect(page.records).toEqual([
      {
        sourceId: 'brand-acme',
        kind: 'brand-feed',
        externalId: 'X',
        payload: { line: 2, fields: { model: 'A-1', title: 'Kettle', supplyPrice: '59.90', stock: '3', externalId: 'X' } },
      },
    ]);
  });

  it('refuses a feed whose header lacks the id column, and a config that names none', async () => {
    nock(HOST).get('/midea/feed.csv').reply(200, '名称,价格\n电饭煲,1\n');
    const { source } = sourceWith();
    await expect(collect(source.fullSync())).rejects.toThrow(SupplierAnswerMalformedError);

    expect(brandFeedSourceConfigSchema.safeParse({ ...csvConfig, columns: { 名称: 'title' } }).success).toBe(false);
    expect(brandFeedSourceConfigSchema.safeParse({ ...csvConfig, columns: { 名称: 'title' }, idColumn: '编号' }).success).toBe(true);
    expect(brandFeedSourceConfigSchema.safeParse({ ...csvConfig, format: 'xlsx' }).success).toBe(false);
  });

  it('ends an empty feed with one empty page', async () => {
    serveCsv(`${HEADER}\n`);
    const { source } = sourceWith();

    expect(await collect(source.fullSync())).toEqual([
      { records: [], removedExternalIds: [], cursor: JSON.stringify({ v: 1, phase: 'end', etag: ETAG, lastModified: LAST_MODIFIED }) },
    ]);
  });
});

describe('BrandFeedSupplierSource conditional GET', () => {
  const since = JSON.stringify({ v: 1, phase: 'end', etag: ETAG, lastModified: LAST_MODIFIED });

  it('answers 304 Not Modified with a single empty last page keeping the cursor', async () => {
    const scope = nock(HOST).get('/midea/feed.csv').matchHeader('if-none-match', ETAG).matchHeader('if-modified-since', LAST_MODIFIED).reply(304);
    const { source } = sourceWith();

    const pages = await collect(source.changesSince(since));

    expect(pages).toEqual([{ records: [], removedExternalIds: [], cursor: since }]);
    expect(scope.isDone()).toBe(true);
  });

  it('reads the whole file again when it changed', async () => {
    nock(HOST).get('/midea/feed.csv').matchHeader('if-none-match', ETAG).reply(200, CSV, { ETag: '"v2"' });
    const { source } = sourceWith();

    const pages = await collect(source.changesSince(since));

    expect(idsOf(pages)).toHaveLength(6);
    expect(JSON.parse(pages.at(-1)?.cursor ?? '')).toEqual({ v: 1, phase: 'end', etag: '"v2"' });
  });

  it('asks unconditionally without a since', async () => {
    nock(HOST)
      .get('/midea/feed.csv')
      .reply((request: Request) => (request.headers.get('if-none-match') ? [500, 'conditional'] : [200, CSV]));
    const { source } = sourceWith();

    expect(idsOf(await collect(source.changesSince(null)))).toHaveLength(6);
  });
});

describe('BrandFeedSupplierSource JSON and failures', () => {
  const jsonConfig: BrandFeedSourceConfigInput = { kind: 'brand-feed', id: 'brand-haier', url: `${HOST}/haier.json`, format: 'json', recordsPerPage: 10 };

  it('reads an array of objects, writing numbers and lists as the CSV form would', async () => {
    const items = [
      {
        商品编码: 'HR000001',
        商品名称: '海尔冰箱',
        供货价: 2999,
        库存: 4,
        图片: ['https://img.example/a.jpg', 'https://img.example/b.jpg'],
        规格: ['容量:470L', '能效:1级'],
        条形码: null,
      },
      'not an item',
      { 商品编码: 'HR000003', 商品名称: { nested: true } },
      { 商品名称: '没有编码' },
    ];
    nock(HOST).get('/haier.json').reply(200, JSON.stringify(items));
    const { source } = sourceWith(jsonConfig);

    const [page] = await collect(source.fullSync());

    expect(page.totalHint).toBe(4);
    expect(page.records[0].payload).toEqual({
      line: 1,
      fields: {
        externalId: 'HR000001',
        title: '海尔冰箱',
        supplyPrice: '2999',
        stock: '4',
        images: 'https://img.example/a.jpg|https://img.example/b.jpg',
        specs: '容量:470L;能效:1级',
      },
    });
    expect(page.records.slice(1).map((record) => [record.externalId, record.payload.malformed?.split(':')[0]])).toEqual([
      ['#line-2', 'unreadable item'],
      ['#line-3', 'unreadable item'],
      ['#line-4', 'no value in the id column (商品编码)'],
    ]);
  });

  it('fails clearly on a body that is not a JSON array, or larger than allowed', async () => {
    nock(HOST).get('/haier.json').reply(200, '{"items": []}');
    const { source } = sourceWith(jsonConfig);
    await expect(collect(source.fullSync())).rejects.toThrow(/answered outside its protocol: not a JSON array/);

    nock(HOST).get('/haier.json').reply(200, '[{"商品编码": "HR1",');
    await expect(collect(source.fullSync())).rejects.toThrow(/not JSON/);

    nock(HOST)
      .get('/haier.json')
      .times(3)
      .reply(200, JSON.stringify([{ 商品编码: 'x'.repeat(2_000) }]));
    const { source: small } = sourceWith({ ...jsonConfig, maxJsonBytes: 1_000 });
    await expect(collect(small.fullSync())).rejects.toThrow(/body larger than 1000 bytes/);
  });

  it('retries a 503 after its Retry-After and a 500, then reads the feed', async () => {
    nock(HOST).get('/midea/feed.csv').reply(503, 'maintenance', { 'Retry-After': '30' }).get('/midea/feed.csv').reply(500, 'oops');
    serveCsv();
    const { source, sleeps } = sourceWith();

    expect(idsOf(await collect(source.fullSync()))).toHaveLength(6);
    expect(sleeps[0]).toBe(30_000);
  });

  it('reports a feed server that stays down as unavailable', async () => {
    nock(HOST).get('/midea/feed.csv').times(3).reply(502, 'bad gateway');
    const { source } = sourceWith();

    await expect(collect(source.fullSync())).rejects.toThrow(DependencyUnavailableError);
  });

  it('fails a pull whose body stalls, so it can be resumed later', async () => {
    nock(HOST).get('/midea/feed.csv').delay(500).reply(200, CSV);
    const { source } = sourceWith({ ...csvConfig, http: { timeoutMs: 50, retry: { maxAttempts: 1 } } });

    const failure = await collect(source.fullSync()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DependencyUnavailableError);
    // The idle watchdog destroys the body; what surfaces may be its error or the socket's "aborted".
    expect((failure as Error).message).toMatch(/^brand-midea:feed: download interrupted: /);
  });

  it('does not count a slow consumer as a stalled download', async () => {
    serveCsv();
    const { source } = sourceWith({ ...csvConfig, recordsPerPage: 1, http: { timeoutMs: 30 } });
    const ids: string[] = [];

    for await (const page of source.fullSync()) {
      ids.push(...page.records.map((record) => record.externalId));
      await new Promise((resolve) => setTimeout(resolve, 40));
    }

    expect(ids).toHaveLength(6);
  });

  it('stops reading when the consumer stops asking', async () => {
    serveCsv();
    const { source } = sourceWith({ ...csvConfig, recordsPerPage: 1 });

    const pages = await collect(source.fullSync(), 2);

    expect(idsOf(pages)).toEqual(['MD000001', 'MD000002']);
  });
});
