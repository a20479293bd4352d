import { CatalogWorld } from '../world/catalog-world';
import { type ListingQuery, ListingView } from './listing-view';

const AT = Date.parse('2026-11-22T12:00:00+08:00');

/** The view's contents the slow way: every SKU built, filtered and sorted. */
function bruteForce(world: CatalogWorld, query: ListingQuery): number[] {
  const from = query.modifiedFrom ?? -Infinity;
  const to = query.modifiedTo ?? Infinity;
  const offers = Array.from({ length: world.count('taobao') }, (_, index) => world.offer('taobao', index)).filter(
    (offer) => offer.listed && offer.modifiedAt >= from && offer.modifiedAt <= to,
  );
  if (query.order === 'modified') offers.sort((a, b) => a.modifiedAt - b.modifiedAt || a.index - b.index);
  else offers.sort((a, b) => a.index - b.index);
  const indices = offers.map((offer) => offer.index);
  return query.descending ? indices.reverse() : indices;
}

function pageThrough(view: ListingView, pageSize: number): number[] {
  const all: number[] = [];
  for (let offset = 0; offset < view.total; offset += pageSize) all.push(...view.slice(offset, pageSize));
  return all;
}

describe('ListingView', () => {
  const world = new CatalogWorld({ seed: 11, skus: 3_000 });
  world.applyChanges({ priceMoves: 40, delistings: 15, newSkus: 25, detailChanges: 10, stockOuts: 10 }, AT);
  world.applyChanges({ priceMoves: 10, newSkus: 5, delistings: 3 }, AT + 60_000);
  const middle = world.listedAt('taobao', 400);
  const late = world.listedAt('taobao', 900);

  const queries: [string, ListingQuery][] = [
    ['everything by modified', { order: 'modified' }],
    ['everything by modified, newest first', { order: 'modified', descending: true }],
    ['everything by listing time', { order: 'listed' }],
    ['everything by listing time, newest first', { order: 'listed', descending: true }],
    ['a window of base history', { order: 'modified', modifiedFrom: middle, modifiedTo: late }],
    ['a window of base history by listing time', { order: 'listed', modifiedFrom: middle, modifiedTo: late, descending: true }],
    ['the changes only', { order: 'modified', modifiedFrom: AT }],
    ['the changes only by listing time', { order: 'listed', modifiedFrom: AT }],
    ['an empty window', { order: 'modified', modifiedFrom: 0, modifiedTo: 1 }],
  ];

  it.each(queries)('%s: pages to exactly the listed SKUs in order', (_name, query) => {
    const view = new ListingView(world, 'taobao', query);
    const expected = bruteForce(world, query);
    expect(view.total).toBe(expected.length);
    expect(pageThrough(view, 37)).toEqual(expected);
    expect(pageThrough(view, 200)).toEqual(expected);
  });

  it('puts changed SKUs after the unchanged ones in modified order and leaves delisted ones out', () => {
    const view = new ListingView(world, 'taobao', { order: 'modified' });
    const changes = world.changedIndices('taobao');
    const tail = view.slice(view.total - 5, 5).map((index) => world.offer('taobao', index));
    expect(tail.every((offer) => offer.modifiedAt >= AT)).toBe(true);
    const all = new Set(pageThrough(view, 500));
    for (const index of changes) expect(all.has(index)).toBe(world.isListed('taobao', index));
  });

  it('answers slices past the end with nothing', () => {
    const view = new ListingView(world, 'taobao', { order: 'listed' });
    expect(view.slice(view.total, 10)).toEqual([]);
    expect(view.slice(view.total - 2, 10)).toHaveLength(2);
  });
});
