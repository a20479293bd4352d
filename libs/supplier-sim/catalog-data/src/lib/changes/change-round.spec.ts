import { CatalogWorld } from '../world/catalog-world';

const AT = Date.parse('2026-11-22T12:00:00+08:00');

describe('change rounds', () => {
  const counts = { priceMoves: 20, stockOuts: 10, delistings: 5, newSkus: 8, detailChanges: 4 };

  it('choose the same SKUs for the same seed and round sequence', () => {
    const a = new CatalogWorld({ seed: 1, skus: 5_000 });
    const b = new CatalogWorld({ seed: 1, skus: 5_000 });
    const roundsA = [a.applyChanges(counts, AT), a.applyChanges(counts, AT + 1000)];
    const roundsB = [b.applyChanges(counts, AT), b.applyChanges(counts, AT + 1000)];
    expect(roundsB).toEqual(roundsA);
    expect(roundsA[0]!.changes.map((c) => c.externalId)).not.toEqual(roundsA[1]!.changes.map((c) => c.externalId));
    expect(new CatalogWorld({ seed: 2, skus: 5_000 }).applyChanges(counts, AT).changes).not.toEqual(roundsA[0]!.changes);
  });

  it('apply what they report, timestamped, to the records', () => {
    const world = new CatalogWorld({ seed: 3, skus: 5_000 });
    const before = new Map<string, ReturnType<CatalogWorld['offer']>>();
    const jdBefore = world.count('jd');
    const round = world.applyChanges(counts, AT);
    expect(round.counts).toEqual({ price: 20, 'stock-out': 10, delisting: 5, 'new-sku': 8, detail: 4 });
    // One change per SKU per round, new SKUs included: a round's counts add up per SKU.
    expect(new Set(round.changes.map((c) => `${c.sourceId}:${c.index}`)).size).toBe(round.changes.length);
    for (const change of round.changes) {
      const offer = world.offer(change.sourceId, change.index);
      before.set(change.externalId, offer);
      expect(change.at).toBe(AT);
      expect(offer.modifiedAt).toBe(AT);
      if (change.kind === 'price') {
        const original = new CatalogWorld({ seed: 3, skus: 5_000 }).offer(change.sourceId, change.index);
        expect(offer.supplyPriceFen).not.toBe(original.supplyPriceFen);
        expect(offer.supplyPriceFen).toBeLessThan(offer.marketPriceFen);
      }
      if (change.kind === 'stock-out') expect(offer.stock).toBe(0);
      if (change.kind === 'delisting') expect(offer.listed).toBe(false);
      if (change.kind === 'detail') expect(offer.title).toMatch(/(新款|升级款|2026款|限量版|焕新版)/);
      if (change.kind === 'new-sku') {
        expect(change.index).toBeGreaterThanOrEqual(world.baseCount(change.sourceId));
        expect(offer.listedAt).toBe(AT);
        expect(world.indexOf(change.sourceId, change.externalId)).toBe(change.index);
      }
    }
    const newJd = round.changes.filter((c) => c.kind === 'new-sku' && c.sourceId === 'jd').length;
    expect(world.count('jd')).toBe(jdBefore + newJd);
  });

  it('bump the version of each source they touch and reset to the seed state', () => {
    const world = new CatalogWorld({ seed: 4, skus: 5_000, clock: () => AT + 5_000 });
    const pristine = world.offer('brand-midea', 3);
    expect(world.version('brand-midea')).toBe(0);
    expect(world.lastModifiedAt('brand-midea')).toBe(world.historyEndMs);
    const round = world.applyChanges({ priceMoves: 200 }, AT);
    const touched = new Set(round.changes.map((c) => c.sourceId));
    for (const source of world.sources) expect(world.version(source.id) > 0).toBe(touched.has(source.id));
    expect(world.lastModifiedAt(round.changes[0]!.sourceId)).toBe(AT);

    world.reset();
    expect(world.generation).toBe(1);
    expect(world.lastModifiedAt('jd')).toBeGreaterThan(world.historyEndMs);
    expect(world.version('jd')).toBe(0);
    expect(world.changedIndices('jd')).toEqual([]);
    expect(world.offer('brand-midea', 3)).toEqual(pristine);
    // The round counter restarts too: the first round after a reset repeats the first round ever.
    expect(world.applyChanges({ priceMoves: 200 }, AT)).toEqual(round);
  });

  it('read fractions as shares of the current SKUs and tell listeners', () => {
    const world = new CatalogWorld({ seed: 5, skus: 2_000 });
    const heard: number[] = [];
    world.onChange((round) => heard.push(round.round));
    const round = world.applyChanges({ stockOuts: 0.01 }, AT);
    expect(round.counts['stock-out']).toBe(20);
    expect(heard).toEqual([1]);
  });

  it('never date a change before the end of the generated history, and date it to the second', () => {
    const world = new CatalogWorld({ seed: 6, skus: 1_000 });
    expect(world.applyChanges({ priceMoves: 1 }, 0).at).toBe(world.historyEndMs);
    expect(world.applyChanges({ priceMoves: 1 }, AT + 999).at).toBe(AT);
  });

  it('change a new SKU at most once in the round that adds it', () => {
    // A tiny world where most picks would land on the new SKUs if they were not excluded.
    const world = new CatalogWorld({ seed: 8, skus: 10 });
    const round = world.applyChanges({ newSkus: 40, priceMoves: 40 }, AT);
    expect(new Set(round.changes.map((c) => `${c.sourceId}:${c.index}`)).size).toBe(round.changes.length);
  });
});
