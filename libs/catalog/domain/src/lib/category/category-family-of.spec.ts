import { categoryFamilyOf, splitCategoryPath, subcategoryOf } from './category-family-of';

describe('category families', () => {
  it.each([
    ['家用电器;厨房小电;电饭煲', 'physical', '电饭煲'],
    ['虚拟>视频会员>爱奇艺会员', 'virtual', '爱奇艺会员'],
    ['话费充值/移动话费', 'virtual', '移动话费'],
    ['服务>体检>入职体检', 'service', '入职体检'],
    ['优惠券>咖啡券', 'coupon', '咖啡券'],
    ['休闲娱乐 > 电影票', 'coupon', '电影票'],
  ])('files %s under %s / %s', (path, family, subcategory) => {
    const parts = splitCategoryPath(path);
    expect(categoryFamilyOf(parts)).toBe(family);
    expect(subcategoryOf(parts)).toBe(subcategory);
  });

  it('has no subcategory for an empty path', () => {
    expect(subcategoryOf(splitCategoryPath(''))).toBeUndefined();
  });
});
