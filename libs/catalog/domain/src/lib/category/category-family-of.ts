import type { CategoryFamily } from '@supply-hub/contracts';
import { cleanText } from '../text/normalize-text';

/**
 * Words in a supplier's category path that place a product in one of the mall's four families. Virtual
 * goods are credited to an account or delivered as a code (top-ups, memberships, game cards); services
 * are performed at a place (check-ups, car wash); coupons are redeemed at a merchant. Everything else is
 * a physical good (实物). Checked in this order, since "电影券" says coupon before anything else.
 */
const FAMILY_WORDS: [CategoryFamily, RegExp][] = [
  ['coupon', /优惠券|代金券|卡券|兑换券|餐饮券|咖啡券|电影票|电影券|礼品卡|购物卡|商超卡/],
  ['virtual', /话费|充值|流量|会员|点卡|游戏币|加油卡|油卡|虚拟|Q币|视频|音乐|网盘/],
  ['service', /服务|体检|洗车|保洁|家政|口腔|洁牙|保养|维修|上门|体验课/],
];

/** The family of a category path such as `家用电器;厨房小电;电饭煲` or `虚拟 > 视频会员`. */
export function categoryFamilyOf(categoryPath: readonly string[]): CategoryFamily {
  const joined = categoryPath.map(cleanText).join('/');
  for (const [family, words] of FAMILY_WORDS) if (words.test(joined)) return family;
  return 'physical';
}

/**
 * The subcategory the catalog files a product under: the supplier's most specific category name that
 * is not a family word itself (`实物 > 家用电器 > 电饭煲` → 电饭煲).
 */
export function subcategoryOf(categoryPath: readonly string[]): string | undefined {
  const names = categoryPath.map(cleanText).filter((name) => name && !/^(实物|虚拟|服务|优惠券|虚拟商品|实物商品)$/.test(name));
  return names.at(-1)?.slice(0, 40);
}

/** Splits a category path as suppliers write it: `a;b;c`, `a > b > c`, `a/b/c`, `a,b,c`. */
export function splitCategoryPath(path: string | undefined | null): string[] {
  if (!path) return [];
  return path
    .split(/\s*(?:;|>|\/|,|，|｜|\|)\s*/)
    .map(cleanText)
    .filter(Boolean);
}
