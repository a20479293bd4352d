import type { SourceRecord } from '../sources/supplier-source';
import type { BrandFeedPayload, JdOfferPayload, TaobaoOfferPayload } from '../sources/source-payloads';
import { validateOffer } from '../offer/validate-offer';
import { JD_UNCOUNTED_AVAILABLE_STOCK } from './normalize-jd';
import { normalizeRecord } from './normalize-record';

const jdRecord = (payload: Partial<JdOfferPayload> = {}): SourceRecord<JdOfferPayload> => ({
  sourceId: 'jd',
  kind: 'jd',
  externalId: '100010000063',
  payload: {
    sku: '100010000063',
    detail: {
      sku: 100010000063,
      name: '九阳（Joyoung）电饭煲 3L 不粘内胆 JY-FBY8IPWV',
      brandName: '九阳（Joyoung）',
      category: '家用电器;厨房小电;电饭煲',
      weight: '2.10',
      imagePath: 'https://img.example.com/jy/1.jpg',
      upc: '6901234567892',
      saleUnit: '台',
      introduction: '<p>好用</p>',
      param: '容量:3L;颜色：白色',
      state: 1,
      imagePaths: ['https://img.example.com/jy/1.jpg', 'https://img.example.com/jy/2.jpg'],
    },
    price: { skuId: 100010000063, price: 199, jdPrice: 299.9 },
    state: { sku: 100010000063, state: 1 },
    stock: { skuId: 100010000063, areaId: '1_0_0', stockStateId: 33, stockStateDesc: '有货', remainNum: 12 },
    ...payload,
  },
});

describe('normalizeRecord', () => {
  describe('JD', () => {
    it('reads a JD SKU into a valid offer', () => {
      const normalized = normalizeRecord(jdRecord());
      expect(normalized.kind).toBe('offer');
      const result = normalized.kind === 'offer' ? validateOffer(normalized.draft) : undefined;
      expect(result).toEqual({
        ok: true,
        offer: {
          offerId: 'jd:100010000063',
          sourceId: 'jd',
          sourceKind: 'jd',
          externalId: '100010000063',
          title: '九阳(Joyoung)电饭煲 3L 不粘内胆 JY-FBY8IPWV',
          brand: '九阳',
          model: 'JY-FBY8IPWV',
          categoryFamily: 'physical',
          subcategory: '电饭煲',
          specs: [
            { name: '容量', value: '3L' },
            { name: '颜色', value: '白色' },
          ],
          images: ['https://img.example.com/jy/1.jpg', 'https://img.example.com/jy/2.jpg'],
          barcode: '6901234567892',
          supplyPriceFen: 19900,
          marketPriceFen: 29990,
          stock: 12,
          status: 'listed',
        },
      });
    });

    it.each([
      [{ stockStateId: 34, remainNum: 0 }, 0],
      [{ stockStateId: 36, remainNum: -1 }, 0],
      [{ stockStateId: 39, remainNum: -1 }, JD_UNCOUNTED_AVAILABLE_STOCK],
      [{ stockStateId: 33, remainNum: -1 }, JD_UNCOUNTED_AVAILABLE_STOCK],
    ])('turns stock state %p into %p units', (stock, units) => {
      const normalized = normalizeRecord(jdRecord({ stock: { skuId: 1, areaId: '1_0_0', stockStateDesc: '', ...stock } }));
      expect(normalized.kind === 'offer' && normalized.draft.stock).toBe(units);
    });

    it('reads skuState 0 as delisted', () => {
      const normalized = normalizeRecord(jdRecord({ state: { sku: 100010000063, state: 0 } }));
      expect(normalized.kind === 'offer' && normalized.draft.status).toBe('delisted');
    });

    it('passes a stock poll on as a stock update', () => {
      const normalized = normalizeRecord(jdRecord({ stockOnly: true, detail: null, price: null, state: null }));
      expect(normalized).toEqual({ kind: 'stock', sourceId: 'jd', externalId: '100010000063', stock: 12 });
    });

    it('quarantines what the adapter could not read', () => {
      expect(normalizeRecord(jdRecord({ malformed: 'getDetail answered 500', detail: null }))).toEqual({ kind: 'malformed', reason: 'getDetail answered 500' });
      expect(normalizeRecord(jdRecord({ price: null }))).toEqual({ kind: 'malformed', reason: 'no price' });
    });

    it('keeps a bad barcode for validation to report', () => {
      const normalized = normalizeRecord(jdRecord({ detail: { ...jdRecord().payload.detail!, upc: '6901234567893' } }));
      expect(normalized.kind === 'offer' && normalized.draft).toMatchObject({ invalidBarcode: '6901234567893' });
    });
  });

  describe('Taobao', () => {
    const item = {
      num_iid: 520000000048,
      title: '【官方旗舰】美的电热水壶1.5L防干烧 送礼佳品',
      price: '89.00',
      num: 30,
      cid: 50012001,
      props_name: '20000:123:品牌:美的;1627207:456:容量:1.5L',
      outer_id: 'MD-SHXAQ58D',
      barcode: '6969262702814',
      approve_status: 'onsale' as const,
      modified: '2026-11-22 12:00:00',
      pic_url: 'https://img.example.com/tb/1.jpg',
      item_imgs: { item_img: [{ id: 2, url: 'https://img.example.com/tb/2.jpg', position: 1 }] },
      cat_path: '家用电器>厨房小电>电水壶',
    };
    const record = (overrides: Partial<typeof item> = {}): SourceRecord<TaobaoOfferPayload> => ({
      sourceId: 'taobao',
      kind: 'taobao',
      externalId: '520000000048',
      payload: { item: { ...item, ...overrides } },
    });

    it('reads the brand from props_name, the model from outer_id and the shelf price as both prices', () => {
      const normalized = normalizeRecord(record());
      expect(normalized.kind === 'offer' && normalized.draft).toMatchObject({
        brand: '美的',
        model: 'MD-SHXAQ58D',
        specs: [{ name: '容量', value: '1.5L' }],
        images: ['https://img.example.com/tb/1.jpg', 'https://img.example.com/tb/2.jpg'],
        supplyPriceFen: 8900,
        marketPriceFen: 8900,
        stock: 30,
        status: 'listed',
        subcategory: '电水壶',
      });
    });

    it('reads an item in the warehouse (instock) as delisted', () => {
      const normalized = normalizeRecord(record({ approve_status: 'instock' as never }));
      expect(normalized.kind === 'offer' && normalized.draft.status).toBe('delisted');
    });
  });

  describe('brand feeds', () => {
    const row = (fields: BrandFeedPayload['fields'], line = 2): SourceRecord<BrandFeedPayload> => ({
      sourceId: 'brand-midea',
      kind: 'brand-feed',
      externalId: 'MD000001',
      payload: { line, fields },
    });

    it('reads Chinese-headed cells with yuan prices', () => {
      const normalized = normalizeRecord(
        row({
          externalId: 'MD000001',
          title: '美的 电饭煲 MB-FB40S701 4L',
          brand: '美的',
          model: 'MB-FB40S701',
          barcode: '6901234567892',
          categoryFamily: '实物',
          subcategory: '电饭煲',
          supplyPrice: '199.00',
          marketPrice: '299.00',
          stock: '15',
          specs: '容量:4L',
          images: 'https://img.example.com/md/1.jpg|https://img.example.com/md/2.jpg',
          status: '上架',
        }),
      );
      expect(normalized.kind === 'offer' && validateOffer(normalized.draft)).toMatchObject({
        ok: true,
        offer: {
          categoryFamily: 'physical',
          supplyPriceFen: 19900,
          marketPriceFen: 29900,
          stock: 15,
          status: 'listed',
          images: expect.arrayContaining(['https://img.example.com/md/2.jpg']),
        },
      });
    });

    it('reads 下架 as delisted and English family names', () => {
      const normalized = normalizeRecord(row({ status: '下架', categoryFamily: 'virtual', subcategory: '视频会员' }));
      expect(normalized.kind === 'offer' && normalized.draft).toMatchObject({ status: 'delisted', categoryFamily: 'virtual' });
    });

    it('leaves unreadable cells for validation to name', () => {
      const normalized = normalizeRecord(row({ title: '美的 电饭煲', supplyPrice: 'N/A', stock: 'many', status: '待定' }));
      expect(normalized.kind === 'offer' && normalized.draft).toMatchObject({ supplyPriceFen: undefined, stock: undefined, status: undefined });
    });

    it('quarantines a malformed row with its line', () => {
      expect(
        normalizeRecord({
          sourceId: 'brand-midea',
          kind: 'brand-feed',
          externalId: 'line-7',
          payload: { line: 7, fields: {}, malformed: 'expected 13 columns, got 9' },
        }),
      ).toEqual({
        kind: 'malformed',
        reason: 'line 7: expected 13 columns, got 9',
      });
    });
  });
});
