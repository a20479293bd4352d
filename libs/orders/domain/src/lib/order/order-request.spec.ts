import { ActiveBlacklist } from '@supply-hub/blacklist';
import { blacklistSubjectOf } from '../catalog/blacklist-copy';
import type { SellableSku } from '../catalog/sellable-sku';
import { checkOrderRequest, MAX_QUANTITY, type OrderRequest } from './order-request';

const sku = (overrides: Partial<SellableSku> = {}): SellableSku => ({
  skuId: 'sku-1',
  version: 1,
  sellable: true,
  title: '九阳豆浆机',
  categoryFamily: 'physical',
  subcategory: '厨房电器',
  contractPriceFen: 29_900,
  updatedAt: new Date(0),
  ...overrides,
});

const skus = new Map<string, SellableSku>([
  ['sku-1', sku()],
  ['sku-off', sku({ skuId: 'sku-off', sellable: false, delistedReason: '质检不合格' })],
  ['sku-topup', sku({ skuId: 'sku-topup', categoryFamily: 'virtual', subcategory: '话费充值', title: '移动话费 100 元' })],
  ['sku-card', sku({ skuId: 'sku-card', categoryFamily: 'virtual', subcategory: '视频会员', title: '腾讯视频月卡' })],
]);

const request = (overrides: Partial<OrderRequest> = {}): OrderRequest => ({
  mallOrderId: 'M-1',
  lines: [{ skuId: 'sku-1', quantity: 2 }],
  recipient: { name: '张三', mobile: '13800138000', province: '内蒙古', city: '呼和浩特', address: '新华大街 1 号' },
  ...overrides,
});

const check = (value: OrderRequest) => checkOrderRequest(value, (skuId) => skus.get(skuId));

describe('checkOrderRequest', () => {
  it('takes a good order: lines priced from the catalog, the address resolved to its city', () => {
    const checked = check(request());
    expect(checked).toMatchObject({
      ok: true,
      lines: [{ lineId: '1', skuId: 'sku-1', quantity: 2, kind: 'physical', unitPriceFen: 29_900, status: 'accepted' }],
      recipient: { cityCode: '150100', province: '内蒙古' },
    });
    if (checked.ok) expect(checked.recipient.lat).toBeCloseTo(40.8, 0);
  });

  it('resolves a GB/T 2260 district code alone', () => {
    const checked = check(request({ recipient: { name: '李四', mobile: '13912345678', province: '', city: '', address: '天府大道', code: '510107' } }));
    expect(checked).toMatchObject({ ok: true, recipient: { cityCode: '510100' } });
  });

  it('names every problem by field at once', () => {
    const checked = check(
      request({
        lines: [
          { skuId: 'nope', quantity: 1 },
          { skuId: 'sku-off', quantity: 1 },
          { skuId: 'sku-1', quantity: MAX_QUANTITY + 1 },
          { skuId: 'sku-1', quantity: 0, lineId: '1' },
          { skuId: 'sku-topup', quantity: 1 },
        ],
        recipient: { name: '张三', mobile: '2380013800', province: '内蒙古', city: '成都', address: 'x' },
      }),
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const byPath = new Map(checked.issues.map((issue) => [issue.path, issue.message]));
    expect(byPath.get('lines.0.skuId')).toMatch(/unknown SKU nope/);
    expect(byPath.get('lines.1.skuId')).toMatch(/质检不合格/);
    expect(byPath.get('lines.2.quantity')).toMatch(/1 to 99/);
    expect(byPath.get('lines.3.quantity')).toMatch(/1 to 99/);
    expect(byPath.get('lines.3.lineId')).toMatch(/appears twice/);
    expect(byPath.get('lines.4.account')).toMatch(/account/);
    expect(byPath.get('recipient.mobile')).toMatch(/mainland mobile/);
    expect([...byPath.keys()].some((path) => path === 'recipient.city' || path === 'recipient.province')).toBe(true);
  });

  it('never guesses an address that resolves to no city', () => {
    const checked = check(request({ recipient: { name: '张三', mobile: '13800138000', province: '火星', city: '奥林匹斯', address: 'x' } }));
    expect(checked.ok).toBe(false);
  });

  it('needs no account for a card code, but a top-up does', () => {
    expect(check(request({ lines: [{ skuId: 'sku-card', quantity: 1 }] })).ok).toBe(true);
    expect(check(request({ lines: [{ skuId: 'sku-topup', quantity: 1, account: '13800138000' }] }))).toMatchObject({
      ok: true,
      lines: [{ kind: 'virtual', account: '13800138000' }],
    });
  });

  describe('with a quality blacklist', () => {
    const blacklist = new ActiveBlacklist();
    const checkWith = (value: OrderRequest, now = new Date('2025-06-01T08:00:00Z')) =>
      checkOrderRequest(
        value,
        (skuId) => skus.get(skuId),
        (found) => blacklist.firstMatch(blacklistSubjectOf(found), now),
      );
    const issuesOf = (value: OrderRequest, now?: Date) => {
      const checked = checkWith(value, now);
      return checked.ok ? [] : checked.issues;
    };

    beforeEach(() => {
      for (const entryId of blacklist.entryIds()) blacklist.end(entryId);
    });

    it('refuses a line whose SKU an active entry names, on its skuId, with the entry’s reason', () => {
      blacklist.add({ entryId: 'bl_1', target: { kind: 'keyword', value: '豆浆机' }, reason: '抽检不合格（批次 2025-05）' });
      expect(
        issuesOf(
          request({
            lines: [
              { skuId: 'sku-card', quantity: 1 },
              { skuId: 'sku-1', quantity: 1 },
            ],
          }),
        ),
      ).toEqual([{ path: 'lines.1.skuId', message: 'SKU sku-1 is blacklisted: 抽检不合格（批次 2025-05）' }]);
    });

    it('matches the read model’s brand, subcategory, family and drop-ship supplier', () => {
      skus.set('sku-jd', sku({ skuId: 'sku-jd', brand: 'Ｍｉｄｅａ 美的', bestOffer: { sourceId: 'jd', externalId: '100' } }));
      try {
        blacklist.add({ entryId: 'bl_sup', target: { kind: 'supplier', value: 'JD' }, reason: '假货投诉' });
        expect(issuesOf(request({ lines: [{ skuId: 'sku-jd', quantity: 1 }] }))[0]?.message).toBe('SKU sku-jd is blacklisted: 假货投诉');
        blacklist.end('bl_sup');
        blacklist.add({ entryId: 'bl_brand', target: { kind: 'brand', value: 'midea美的' }, reason: '品牌授权过期' });
        expect(issuesOf(request({ lines: [{ skuId: 'sku-jd', quantity: 1 }] }))[0]?.message).toMatch(/品牌授权过期/);
        blacklist.add({ entryId: 'bl_cat', target: { kind: 'category', value: '虚拟' }, reason: '虚拟商品暂停' });
        expect(issuesOf(request({ lines: [{ skuId: 'sku-card', quantity: 1 }] }))).toEqual([
          { path: 'lines.0.skuId', message: 'SKU sku-card is blacklisted: 虚拟商品暂停' },
        ]);
        expect(checkWith(request()).ok).toBe(true);
      } finally {
        skus.delete('sku-jd');
      }
    });

    it('takes the SKU again once the entry is removed or has expired', () => {
      blacklist.add({ entryId: 'bl_2', target: { kind: 'sku', value: 'sku-1' }, reason: 'x', expiresAt: new Date('2025-06-01T09:00:00Z') });
      expect(checkWith(request()).ok).toBe(false);
      expect(checkWith(request(), new Date('2025-06-01T09:00:00Z')).ok).toBe(true);
      blacklist.end('bl_2');
      // The read model's SKU has no brand: a brand entry cannot name it.
      blacklist.add({ entryId: 'bl_3', target: { kind: 'brand', value: '九阳' }, reason: 'y' });
      expect(checkWith(request()).ok).toBe(true);
      blacklist.add({ entryId: 'bl_4', target: { kind: 'category', value: '厨房电器' }, reason: 'z' });
      expect(checkWith(request()).ok).toBe(false);
      blacklist.end('bl_4');
      expect(checkWith(request()).ok).toBe(true);
    });
  });
});
