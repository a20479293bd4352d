import type { BlacklistTarget } from '@supply-hub/contracts';
import { type BlacklistSubject, blacklistKeyOf, familyNamed, matchesBlacklistTarget, prepareBlacklistSubject } from './match-blacklist';

const ricecooker: BlacklistSubject = {
  skuId: 'sku_0123456789abcdef0123',
  brand: '九阳',
  categoryFamily: 'physical',
  subcategory: '电饭煲',
  title: '九阳（Joyoung）电饭煲 3L 不粘内胆 JY-FBY8IPWV',
  supplierSourceIds: ['jd'],
};

const midea: BlacklistSubject = {
  skuId: 'sku_aaaaaaaaaaaaaaaaaaaa',
  brand: 'Midea 美的',
  categoryFamily: 'physical',
  subcategory: '空气炸锅',
  title: 'Midea 美的 空气炸锅 ＭＦ－ＫＺ４０',
  supplierSourceIds: ['brand-midea'],
};

const topUp: BlacklistSubject = {
  skuId: 'sku_bbbbbbbbbbbbbbbbbbbb',
  brand: '中国移动',
  categoryFamily: 'virtual',
  subcategory: '话费充值',
  title: '中国移动话费 100 元',
  supplierSourceIds: [],
};

const matches = (subject: BlacklistSubject, kind: BlacklistTarget['kind'], value: string) => matchesBlacklistTarget(subject, { kind, value });

describe('matchesBlacklistTarget', () => {
  describe('sku', () => {
    it('matches the exact SKU id only', () => {
      expect(matches(ricecooker, 'sku', 'sku_0123456789abcdef0123')).toBe(true);
      expect(matches(ricecooker, 'sku', ' sku_0123456789abcdef0123 ')).toBe(true);
      expect(matches(ricecooker, 'sku', 'sku_0123456789ABCDEF0123')).toBe(false);
      expect(matches(ricecooker, 'sku', 'sku_0123456789abcdef012')).toBe(false);
      expect(matches(midea, 'sku', 'sku_0123456789abcdef0123')).toBe(false);
    });
  });

  describe('brand', () => {
    it('matches the whole brand, whatever the case, width and spacing', () => {
      expect(matches(ricecooker, 'brand', '九阳')).toBe(true);
      expect(matches(ricecooker, 'brand', ' 九阳\u3000')).toBe(true);
      expect(matches(midea, 'brand', 'midea美的')).toBe(true);
      expect(matches(midea, 'brand', 'ＭＩＤＥＡ　美的')).toBe(true);
      expect(matches(midea, 'brand', 'MIDEA 美的')).toBe(true);
    });

    it('does not match part of a brand or another brand', () => {
      expect(matches(midea, 'brand', '美的')).toBe(false);
      expect(matches(ricecooker, 'brand', '九阳股份')).toBe(false);
      expect(matches(topUp, 'brand', '中国联通')).toBe(false);
    });

    it('never matches a SKU without a brand', () => {
      expect(matches({ ...ricecooker, brand: undefined }, 'brand', '九阳')).toBe(false);
    });
  });

  describe('supplier', () => {
    it('matches the supplier the SKU is sold from', () => {
      expect(matches(ricecooker, 'supplier', 'jd')).toBe(true);
      expect(matches(ricecooker, 'supplier', 'ＪＤ')).toBe(true);
      expect(matches(midea, 'supplier', 'brand-midea')).toBe(true);
      expect(matches({ ...ricecooker, supplierSourceIds: ['taobao', 'jd'] }, 'supplier', 'jd')).toBe(true);
    });

    it('does not match another supplier, part of one, or a SKU sold from none', () => {
      expect(matches(ricecooker, 'supplier', 'taobao')).toBe(false);
      expect(matches(midea, 'supplier', 'brand')).toBe(false);
      expect(matches(topUp, 'supplier', 'jd')).toBe(false);
    });
  });

  describe('category', () => {
    it('matches the subcategory', () => {
      expect(matches(ricecooker, 'category', '电饭煲')).toBe(true);
      expect(matches(topUp, 'category', ' 话费 充值 ')).toBe(true);
      expect(matches(ricecooker, 'category', '电饭')).toBe(false);
      expect(matches(ricecooker, 'category', '空气炸锅')).toBe(false);
    });

    it('matches the family by its Chinese or English name', () => {
      expect(matches(ricecooker, 'category', '实物')).toBe(true);
      expect(matches(ricecooker, 'category', 'physical')).toBe(true);
      expect(matches(ricecooker, 'category', 'ＰＨＹＳＩＣＡＬ')).toBe(true);
      expect(matches(topUp, 'category', '虚拟')).toBe(true);
      expect(matches(topUp, 'category', '实物')).toBe(false);
      expect(matches(ricecooker, 'category', '优惠券')).toBe(false);
    });
  });

  describe('keyword', () => {
    it('matches a part of the title, whatever the case, width and spacing', () => {
      expect(matches(ricecooker, 'keyword', '不粘内胆')).toBe(true);
      expect(matches(ricecooker, 'keyword', '不粘 内胆')).toBe(true);
      expect(matches(ricecooker, 'keyword', 'ＪＹ－ＦＢＹ８')).toBe(true);
      expect(matches(ricecooker, 'keyword', 'joyoung')).toBe(true);
      expect(matches(midea, 'keyword', 'mf-kz40')).toBe(true);
      expect(matches(topUp, 'keyword', '话费100元')).toBe(true);
    });

    it('does not match what the title lacks, nor the brand or the subcategory', () => {
      expect(matches(ricecooker, 'keyword', '陶瓷内胆')).toBe(false);
      expect(matches({ ...ricecooker, title: '电饭煲 3L' }, 'keyword', '九阳')).toBe(false);
      expect(matches({ ...ricecooker, title: '3L 不粘内胆' }, 'keyword', '电饭煲')).toBe(false);
    });
  });

  it('never matches with a value that folds to nothing (it would be part of every title)', () => {
    for (const kind of ['sku', 'brand', 'supplier', 'category', 'keyword'] as const) expect(matches(ricecooker, kind, ' \u3000 ')).toBe(false);
  });

  it('gives the same answers for a prepared subject', () => {
    const prepared = prepareBlacklistSubject(midea);
    expect(matchesBlacklistTarget(prepared, { kind: 'brand', value: 'ＭＩＤＥＡ 美的' })).toBe(true);
    expect(matchesBlacklistTarget(prepared, { kind: 'keyword', value: 'kz40' })).toBe(true);
    expect(matchesBlacklistTarget(prepared, { kind: 'category', value: '实物' })).toBe(true);
    expect(matchesBlacklistTarget(prepared, { kind: 'supplier', value: 'jd' })).toBe(false);
  });
});

describe('blacklistKeyOf', () => {
  it('gives entries that name the same thing the same key', () => {
    expect(blacklistKeyOf({ kind: 'brand', value: 'Midea 美的' })).toBe(blacklistKeyOf({ kind: 'brand', value: 'ＭＩＤＥＡ美的' }));
    expect(blacklistKeyOf({ kind: 'category', value: '实物' })).toBe(blacklistKeyOf({ kind: 'category', value: 'Physical' }));
    expect(blacklistKeyOf({ kind: 'keyword', value: '不粘 内胆' })).toBe('keyword:不粘内胆');
  });

  it('keeps kinds apart', () => {
    expect(blacklistKeyOf({ kind: 'brand', value: '九阳' })).not.toBe(blacklistKeyOf({ kind: 'keyword', value: '九阳' }));
  });
});

describe('familyNamed', () => {
  it('knows the four families by either name', () => {
    expect(familyNamed('优惠券')).toBe('coupon');
    expect(familyNamed('服务')).toBe('service');
    expect(familyNamed('Virtual')).toBe('virtual');
    expect(familyNamed('电饭煲')).toBeUndefined();
  });
});
