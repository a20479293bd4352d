import {
  type CurationRuleSet,
  DEFAULT_PRICING_POLICY,
  initialCurationOf,
  NO_QUALIFICATIONS,
  DefaultBestOfferStrategy,
  type BrandFeedPayload,
  type JdOfferPayload,
  type SourcePage,
  type SourceRecord,
} from '@supply-hub/catalog-domain';
import { InMemoryCatalogStore } from '../../testing/in-memory-catalog-store';
import { SupplierQualityProfiles } from '../quality/supplier-quality-profiles';
import { PageProcessor } from './page-processor';

type Fields = BrandFeedPayload['fields'];

function feedRecord(sourceId: string, externalId: string, fields: Fields = {}): SourceRecord<BrandFeedPayload> {
  return {
    sourceId,
    kind: 'brand-feed',
    externalId,
    payload: {
      line: 2,
      fields: {
        externalId,
        title: `美的 电饭煲 ${externalId}`,
        brand: '美的',
        model: `MB-${externalId}`,
        categoryFamily: '实物',
        subcategory: '电饭煲',
        supplyPrice: '199.00',
        marketPrice: '299.00',
        stock: '10',
        images: `https://img.example.com/${externalId}.jpg`,
        ...fields,
      },
    },
  };
}

const page = (records: SourceRecord[], extra: Partial<SourcePage> = {}): SourcePage => ({ records, removedExternalIds: [], cursor: 'c', ...extra });
const at = new Date('2026-11-23T08:00:00Z');
const types = (store: InMemoryCatalogStore) => store.events().map((event) => event.type.replace('supplyhub.catalog.', '').replace('.v1', ''));
const dataOf = (store: InMemoryCatalogStore, index: number) => JSON.parse(store.events()[index]!.value).data;

describe('PageProcessor', () => {
  let store: InMemoryCatalogStore;
  let processor: PageProcessor;

  beforeEach(() => {
    store = new InMemoryCatalogStore();
    processor = new PageProcessor(store, { strategy: new DefaultBestOfferStrategy(), pricing: DEFAULT_PRICING_POLICY });
  });

  it('stores valid records once, announces each product, and quarantines a bad record with its reasons', async () => {
    const outcome = await processor.process(
      page([feedRecord('brand-midea', 'A1'), feedRecord('brand-midea', 'A2'), feedRecord('brand-midea', 'A3', { supplyPrice: '-1', title: '' })]),
      { sourceId: 'brand-midea', jobId: 'j1', seq: 1, at },
    );
    expect(outcome.counts).toEqual({ seen: 3, offersWritten: 2, unchanged: 0, quarantined: 1, productsWritten: 2, events: 2 });
    expect(types(store)).toEqual(['sku-upserted', 'sku-upserted']);
    expect(dataOf(store, 0)).toMatchObject({
      version: 1,
      contractPriceFen: 21094,
      marketPriceFen: 29900,
      sellable: true,
      bestOffer: { sourceId: 'brand-midea' },
    });
    expect(store.quarantined.get('brand-midea:A3')).toMatchObject({
      jobId: 'j1',
      reasons: expect.arrayContaining([{ path: 'supplyPriceFen', message: 'supply price must be above zero' }]),
    });
    expect(JSON.parse(store.quarantined.get('brand-midea:A3')!.payloadJson)).toMatchObject({ fields: { externalId: 'A3' } });
  });

  it('writes and announces nothing when a page comes again unchanged', async () => {
    const records = [feedRecord('brand-midea', 'A1'), feedRecord('brand-midea', 'A2')];
    await processor.process(page(records), { sourceId: 'brand-midea', jobId: 'j1', seq: 1, at });
    const writes = store.writes;
    const outcome = await processor.process(page(records), { sourceId: 'brand-midea', jobId: 'j2', seq: 1, at });
    expect(outcome.counts).toMatchObject({ offersWritten: 0, unchanged: 2, productsWritten: 0, events: 0 });
    expect(store.writes).toBe(writes);
    expect(store.events()).toHaveLength(2);
  });

  it('announces a price change with exactly one price-changed event', async () => {
    await processor.process(page([feedRecord('brand-midea', 'A1')]), { sourceId: 'brand-midea', jobId: 'j1', seq: 1, at });
    await processor.process(page([feedRecord('brand-midea', 'A1', { supplyPrice: '209.00' })]), { sourceId: 'brand-midea', jobId: 'j2', seq: 1, at });
    expect(types(store)).toEqual(['sku-upserted', 'sku-price-changed']);
    expect(dataOf(store, 1)).toMatchObject({ version: 2, supplyPriceFen: 20900, previousContractPriceFen: 21094 });
  });

  it('merges the same barcode from two sources into one product and falls back to the next best offer on delisting', async () => {
    const barcode = '6901234567892';
    await processor.process(page([feedRecord('brand-midea', 'A1', { barcode, supplyPrice: '150.00' })]), { sourceId: 'brand-midea', jobId: 'j1', seq: 1, at });
    await processor.process(page([feedRecord('brand-other', 'B1', { barcode, supplyPrice: '180.00', title: '别家 电饭煲' })]), {
      sourceId: 'brand-other',
      jobId: 'j2',
      seq: 1,
      at,
    });
    expect(store.products.size).toBe(1);
    const [product] = store.products.values();
    expect(product!.state).toMatchObject({ bestOfferId: 'brand-midea:A1', stock: 20, offers: [{ offerId: 'brand-midea:A1' }, { offerId: 'brand-other:B1' }] });

    await processor.process(page([feedRecord('brand-midea', 'A1', { barcode, supplyPrice: '150.00', status: '下架' })]), {
      sourceId: 'brand-midea',
      jobId: 'j3',
      seq: 1,
      at,
    });
    expect(store.products.get(product!.state.skuId)!.state).toMatchObject({
      bestOfferId: 'brand-other:B1',
      title: '别家 电饭煲',
      supplyPriceFen: 18000,
      sellable: true,
    });
    expect(types(store).at(-1)).toBe('sku-upserted');
    expect(dataOf(store, store.events().length - 1)).toMatchObject({ version: 3, bestOffer: { sourceId: 'brand-other', externalId: 'B1' } });
  });

  it('merges again from a fresh read when another writer changes a product between the page read and its batched write', async () => {
    const barcode = '6901234567892';
    await processor.process(page([feedRecord('brand-midea', 'A1', { barcode, supplyPrice: '150.00' })]), { sourceId: 'brand-midea', jobId: 'j1', seq: 1, at });
    const otherWriter = new PageProcessor(store, { strategy: new DefaultBestOfferStrategy(), pricing: DEFAULT_PRICING_POLICY });
    const replace = store.replaceProducts.bind(store);
    let raced = false;
    store.replaceProducts = async (replacements) => {
      if (!raced) {
        raced = true;
        // Lands after this page read the product and before its replace reaches the store.
        await otherWriter.process(page([feedRecord('brand-third', 'C1', { barcode, supplyPrice: '170.00' })]), {
          sourceId: 'brand-third',
          jobId: 'j3',
          seq: 1,
          at,
        });
      }
      return replace(replacements);
    };

    await processor.process(page([feedRecord('brand-other', 'B1', { barcode, supplyPrice: '180.00' })]), { sourceId: 'brand-other', jobId: 'j2', seq: 1, at });

    expect(raced).toBe(true);
    expect(store.products.size).toBe(1);
    const [product] = store.products.values();
    expect(product!.version).toBe(3);
    expect(product!.state.offers.map((offer) => offer.offerId)).toEqual(['brand-midea:A1', 'brand-other:B1', 'brand-third:C1']);
    // One event per version, none for the write that lost.
    expect(store.events().map((_, index) => dataOf(store, index).version)).toEqual([1, 2, 3]);
  });

  it('lets the curation rules decide a new SKU once; a later page keeps that decision', async () => {
    const rules: CurationRuleSet = { rules: [{ name: 'midea approved', when: { brands: ['美的'] }, then: 'approved' }], otherwise: 'pending' };
    processor = new PageProcessor(store, {
      strategy: new DefaultBestOfferStrategy(),
      pricing: DEFAULT_PRICING_POLICY,
      initialCuration: (product, decidedAt) => initialCurationOf(product, rules, NO_QUALIFICATIONS, decidedAt),
    });
    await processor.process(page([feedRecord('brand-midea', 'A1'), feedRecord('brand-midea', 'A2', { brand: '九阳', title: '九阳 电饭煲 A2' })]), {
      sourceId: 'brand-midea',
      jobId: 'j1',
      seq: 1,
      at,
    });
    const byTitle = (title: string) => [...store.products.values()].find((product) => product.state.title === title)!.state;
    expect(byTitle('美的 电饭煲 A1')).toMatchObject({
      sellable: true,
      curation: { status: 'approved', reason: 'rule "midea approved"', by: 'curation-rules' },
    });
    expect(byTitle('九阳 电饭煲 A2')).toMatchObject({
      sellable: false,
      curation: { status: 'pending' },
      delistedReason: expect.stringContaining('pending by curation'),
    });
    expect(dataOf(store, 1)).toMatchObject({ sellable: false, curationStatus: 'pending' });

    rules.otherwise = 'rejected';
    await processor.process(page([feedRecord('brand-midea', 'A2', { brand: '九阳', title: '九阳 电饭煲 A2', supplyPrice: '189.00' })]), {
      sourceId: 'brand-midea',
      jobId: 'j2',
      seq: 1,
      at,
    });
    expect(byTitle('九阳 电饭煲 A2')).toMatchObject({ supplyPriceFen: 18900, curation: { status: 'pending' } });
  });

  it('chooses between close offers by the supplier scores the profiles hold when the offers are written', async () => {
    const barcode = '6901234567892';
    const scores = new SupplierQualityProfiles(async () => [
      { subjectId: 'brand-midea', score: 40 },
      { subjectId: 'brand-other', score: 95 },
    ]);
    await scores.refresh();
    const scored = new PageProcessor(store, {
      strategy: new DefaultBestOfferStrategy(),
      pricing: DEFAULT_PRICING_POLICY,
      supplierProfile: (sourceId) => scores.profileOf(sourceId),
    });
    // 150.00 against 152.00: within 2 %, so the better supplier wins although it is dearer.
    await scored.process(page([feedRecord('brand-midea', 'A1', { barcode, supplyPrice: '150.00' })]), { sourceId: 'brand-midea', jobId: 'j1', seq: 1, at });
    await scored.process(page([feedRecord('brand-other', 'B1', { barcode, supplyPrice: '152.00' })]), { sourceId: 'brand-other', jobId: 'j2', seq: 1, at });
    const [product] = store.products.values();
    expect(product!.state.offers.map((offer) => [offer.offerId, offer.qualityScore])).toEqual([
      ['brand-midea:A1', 40],
      ['brand-other:B1', 95],
    ]);
    expect(product!.state).toMatchObject({ bestOfferId: 'brand-other:B1', supplyPriceFen: 15200 });

    // Without the scores (every supplier at the default), the cheaper offer is the best.
    const unscored = new InMemoryCatalogStore();
    const plain = new PageProcessor(unscored, { strategy: new DefaultBestOfferStrategy(), pricing: DEFAULT_PRICING_POLICY });
    await plain.process(page([feedRecord('brand-midea', 'A1', { barcode, supplyPrice: '150.00' })]), { sourceId: 'brand-midea', jobId: 'j1', seq: 1, at });
    await plain.process(page([feedRecord('brand-other', 'B1', { barcode, supplyPrice: '152.00' })]), { sourceId: 'brand-other', jobId: 'j2', seq: 1, at });
    expect([...unscored.products.values()][0]!.state.bestOfferId).toBe('brand-midea:A1');
  });

  it('delists a product whose only offer is removed, with a reason', async () => {
    await processor.process(page([feedRecord('brand-midea', 'A1')]), { sourceId: 'brand-midea', jobId: 'j1', seq: 1, at });
    await processor.delistOffers(['brand-midea:A1'], { sourceId: 'brand-midea', jobId: 'j2', seq: 1, at });
    expect(types(store).at(-1)).toBe('sku-delisted');
    expect(dataOf(store, 1)).toMatchObject({ reason: 'every supplier has delisted it', version: 2 });
  });

  it('announces again, under the same event ids, what a crashed attempt at the same page wrote', async () => {
    const records = [feedRecord('brand-midea', 'A1'), feedRecord('brand-midea', 'A2')];
    const reference = new InMemoryCatalogStore();
    await new PageProcessor(reference, { strategy: new DefaultBestOfferStrategy(), pricing: DEFAULT_PRICING_POLICY }).process(page(records), {
      sourceId: 'brand-midea',
      jobId: 'j1',
      seq: 1,
      at,
    });

    store.failNext = 'saveEventBatch';
    await expect(processor.process(page(records), { sourceId: 'brand-midea', jobId: 'j1', seq: 1, at })).rejects.toThrow('simulated crash');
    expect(store.events()).toEqual([]);

    await processor.process(page(records), { sourceId: 'brand-midea', jobId: 'j1', seq: 1, at });
    expect(
      store
        .events()
        .map((event) => event.eventId)
        .sort(),
    ).toEqual(
      reference
        .events()
        .map((event) => event.eventId)
        .sort(),
    );
  });

  it('finishes the products a crashed attempt left half done', async () => {
    store.failNext = 'insertProducts';
    const records = [feedRecord('brand-midea', 'A1')];
    await expect(processor.process(page(records), { sourceId: 'brand-midea', jobId: 'j1', seq: 1, at })).rejects.toThrow('simulated crash');
    expect(store.products.size).toBe(0);
    await processor.process(page(records), { sourceId: 'brand-midea', jobId: 'j1', seq: 1, at });
    expect(store.products.size).toBe(1);
    expect(types(store)).toEqual(['sku-upserted']);
  });

  it('skips records received exactly as last stored on a page with a snapshot key, and reads changed ones', async () => {
    const records = [feedRecord('brand-midea', 'A1'), feedRecord('brand-midea', 'A2'), feedRecord('brand-midea', 'A3')];
    await processor.process(page(records, { snapshotKey: 'rows:0+3' }), { sourceId: 'brand-midea', jobId: 'j1', seq: 1, at });
    const insertOffers = jest.spyOn(store, 'insertOffers');
    const writes = store.writes;

    const again = await processor.process(page(records, { snapshotKey: 'rows:0+3' }), { sourceId: 'brand-midea', jobId: 'j2', seq: 1, at });
    expect(again.counts).toMatchObject({ unchanged: 3, offersWritten: 0, events: 0 });
    expect(again.offerIds.sort()).toEqual(['brand-midea:A1', 'brand-midea:A2', 'brand-midea:A3']);
    expect(insertOffers).not.toHaveBeenCalled();
    expect(store.writes).toBe(writes);

    const changed = [records[0]!, feedRecord('brand-midea', 'A2', { supplyPrice: '188.00' }), records[2]!];
    const outcome = await processor.process(page(changed, { snapshotKey: 'rows:0+3' }), { sourceId: 'brand-midea', jobId: 'j3', seq: 1, at });
    expect(outcome.counts).toMatchObject({ unchanged: 2, offersWritten: 1, events: 1 });
    expect(insertOffers).toHaveBeenCalledWith('brand-midea', [expect.objectContaining({ offer: expect.objectContaining({ externalId: 'A2' }) })]);
  });

  describe('stock polls (JD)', () => {
    const jdFull = (sku: string, remainNum: number): SourceRecord<JdOfferPayload> => ({
      sourceId: 'jd',
      kind: 'jd',
      externalId: sku,
      payload: {
        sku,
        detail: {
          sku: Number(sku),
          name: `九阳 电饭煲 3L JY-${sku}`,
          brandName: '九阳',
          category: '家用电器;厨房小电;电饭煲',
          weight: '2',
          imagePath: 'https://img.example.com/1.jpg',
          upc: '',
          saleUnit: '台',
          introduction: '',
          param: '',
        },
        price: { skuId: Number(sku), price: 100, jdPrice: 150 },
        state: { sku: Number(sku), state: 1 },
        stock: { skuId: Number(sku), areaId: '1_0_0', stockStateId: 33, stockStateDesc: '有货', remainNum },
      },
    });
    const jdStock = (sku: string, remainNum: number): SourceRecord<JdOfferPayload> => ({
      sourceId: 'jd',
      kind: 'jd',
      externalId: sku,
      payload: {
        sku,
        detail: null,
        price: null,
        state: null,
        stockOnly: true,
        stock: { skuId: Number(sku), areaId: '1_0_0', stockStateId: remainNum > 0 ? 33 : 34, stockStateDesc: '', remainNum },
      },
    });

    it('compares a poll with the page snapshot and announces only the stock that moved', async () => {
      await processor.process(page([jdFull('101', 5), jdFull('102', 7)], { snapshotKey: 'p/1/0+100' }), { sourceId: 'jd', jobId: 'j1', seq: 1, at });
      const readOffers = jest.spyOn(store, 'readOffers');

      await processor.process(page([jdStock('101', 5), jdStock('102', 7)], { snapshotKey: 'p/1/0+100' }), { sourceId: 'jd', jobId: 'j2', seq: 1, at });
      expect(readOffers).not.toHaveBeenCalled();

      const insertOffers = jest.spyOn(store, 'insertOffers');
      const outcome = await processor.process(page([jdStock('101', 5), jdStock('102', 0)], { snapshotKey: 'p/1/0+100' }), {
        sourceId: 'jd',
        jobId: 'j3',
        seq: 1,
        at,
      });
      expect(outcome.counts).toMatchObject({ offersWritten: 1, events: 1 });
      // The moved offer was read once to compare it, and is neither inserted nor read again to be written.
      expect(readOffers).toHaveBeenCalledTimes(1);
      expect(insertOffers.mock.calls.flatMap(([, offers]) => offers)).toEqual([]);
      expect(store.offers.get('jd')!.get('jd:102')!.offer.stock).toBe(0);
      expect(types(store).at(-1)).toBe('sku-stock-changed');
      expect(dataOf(store, store.events().length - 1)).toMatchObject({ stock: 0, previousStock: 7, sellable: false });
    });

    it('reads a full record again after a poll moved its stock, even if the record looks as it did before', async () => {
      await processor.process(page([jdFull('101', 5)], { snapshotKey: 'p/1/0+100' }), { sourceId: 'jd', jobId: 'j1', seq: 1, at });
      await processor.process(page([jdStock('101', 0)], { snapshotKey: 'p/1/0+100' }), { sourceId: 'jd', jobId: 'j2', seq: 1, at });
      const outcome = await processor.process(page([jdFull('101', 5)], { snapshotKey: 'p/1/0+100' }), { sourceId: 'jd', jobId: 'j3', seq: 1, at });
      expect(outcome.counts).toMatchObject({ unchanged: 0, offersWritten: 1 });
      expect(store.offers.get('jd')!.get('jd:101')!.offer.stock).toBe(5);
    });
  });
});
