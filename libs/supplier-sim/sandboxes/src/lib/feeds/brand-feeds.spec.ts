import { isValidEan13 } from '@supply-hub/sim-catalog-data';
import { BRAND_FEED_COLUMNS } from '@supply-hub/supplier-protocols';
import type { SandboxResponse } from '../http/sandbox-response';
import { sandboxWorld } from '../testing/sandbox-fixtures';
import { BrandFeeds } from './brand-feeds';
import { ENGLISH_FEED_COLUMNS } from './brand-feed-formats';
import { isNotModified } from './conditional-get';

const text = (answer: SandboxResponse) => String(answer.body);

function setup() {
  let state = 7;
  const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const { world, gate } = sandboxWorld({ skus: 3_000, random });
  return { world, gate, feeds: new BrandFeeds(world, gate) };
}

describe('brand feeds', () => {
  it('serves CSV with a BOM, Chinese headers and one row per SKU, prices in yuan', async () => {
    const { feeds, world } = setup();
    const answer = await feeds.feed('midea', 'csv', {});
    expect(answer.status).toBe(200);
    expect(answer.headers['Content-Type']).toBe('text/csv; charset=utf-8');
    const csv = text(answer);
    expect(csv.startsWith('\uFEFF商品编码,商品名称,品牌,型号,条形码')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(world.count('brand-midea') + 1);
    const offer = world.offer('brand-midea', 0);
    const cells = lines[1]!.split(',');
    expect(cells[0]).toBe(offer.externalId);
    expect(cells[7]).toBe((offer.supplyPriceFen / 100).toFixed(2));
    expect(cells[7]).toMatch(/^-?\d+\.\d{2}$/);
  });

  it('writes English headers for Xiaomi and other column orders for other brands', async () => {
    const { feeds } = setup();
    expect(text(await feeds.feed('xiaomi', 'csv', {})).split('\r\n')[0]).toBe(`\uFEFF${Object.values(ENGLISH_FEED_COLUMNS).join(',')}`);
    expect(text(await feeds.feed('joyoung', 'csv', {})).split('\r\n')[0]).toMatch(/^\uFEFF商品名称,商品编码,/);
  });

  it('serves the same rows as JSON, keyed by the same column names', async () => {
    const { feeds } = setup();
    const rows = JSON.parse(text(await feeds.feed('yili', 'json', {}))) as Record<string, unknown>[];
    const csvLines = text(await feeds.feed('yili', 'csv', {}))
      .trimEnd()
      .split('\r\n');
    expect(rows).toHaveLength(csvLines.length - 1);
    expect(rows[0]![BRAND_FEED_COLUMNS.externalId]).toBe(csvLines[1]!.split(',')[0]);
    expect(Array.isArray(rows[0]![BRAND_FEED_COLUMNS.images])).toBe(true);
  });

  it('answers 304 to a matching If-None-Match or If-Modified-Since, and changes its ETag with the brand', async () => {
    const { feeds, world } = setup();
    const first = await feeds.feed('midea', 'csv', {});
    const etag = first.headers['ETag']!;
    expect((await feeds.feed('midea', 'csv', { ifNoneMatch: etag })).status).toBe(304);
    expect((await feeds.feed('midea', 'csv', { ifNoneMatch: `W/${etag}` })).status).toBe(304);
    expect((await feeds.feed('midea', 'csv', { ifModifiedSince: first.headers['Last-Modified'] })).status).toBe(304);
    expect((await feeds.feed('midea', 'json', { ifNoneMatch: etag })).status).toBe(200);

    let round = world.applyChanges({ priceMoves: 200 });
    while (!round.changes.some((change) => change.sourceId === 'brand-midea')) round = world.applyChanges({ priceMoves: 200 });
    const after = await feeds.feed('midea', 'csv', { ifNoneMatch: etag });
    expect(after.status).toBe(200);
    expect(after.headers['ETag']).not.toBe(etag);
    expect((await feeds.feed('midea', 'csv', { ifModifiedSince: first.headers['Last-Modified'] })).status).toBe(200);
  });

  it('breaks rows under the malformed fault and answers 404 for an unknown brand', async () => {
    const { feeds, gate } = setup();
    gate.updateFaults({ feeds: { malformedRate: 1 } });
    const lines = text(await feeds.feed('midea', 'csv', {}))
      .trimEnd()
      .split('\r\n')
      .slice(1);
    const defects = lines.map((line) => {
      const cells = line.split(',');
      if (/^,+$/.test(line)) return 'blank-row';
      if (cells[1] === '') return 'missing-title';
      if (cells[2] === '') return 'missing-brand';
      if (Number(cells[7]) < 0) return 'negative-price';
      if (!isValidEan13(cells[4] ?? '')) return 'bad-barcode';
      return 'clean';
    });
    expect(new Set(defects)).toEqual(new Set(['blank-row', 'missing-title', 'missing-brand', 'negative-price', 'bad-barcode']));
    expect((await feeds.feed('acme', 'csv', {})).status).toBe(404);
  });
});

describe('isNotModified', () => {
  const lastModified = Date.parse('2026-11-22T04:00:00.700Z');
  it('lets If-None-Match decide when present', () => {
    expect(isNotModified({ ifNoneMatch: '"a", "b"' }, '"b"', lastModified)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '*' }, '"b"', lastModified)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '"c"', ifModifiedSince: new Date(lastModified).toUTCString() }, '"b"', lastModified)).toBe(false);
  });
  it('compares If-Modified-Since to the second', () => {
    expect(isNotModified({ ifModifiedSince: 'Sun, 22 Nov 2026 04:00:00 GMT' }, '"b"', lastModified)).toBe(true);
    expect(isNotModified({ ifModifiedSince: 'Sun, 22 Nov 2026 03:59:59 GMT' }, '"b"', lastModified)).toBe(false);
    expect(isNotModified({ ifModifiedSince: 'yesterday' }, '"b"', lastModified)).toBe(false);
  });
});
