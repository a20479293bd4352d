/** The mall's four category families (实物, 虚拟, 服务, 优惠券). */
export type CategoryFamily = 'physical' | 'virtual' | 'service' | 'coupon';

export const FAMILY_NAMES: Record<CategoryFamily, string> = { physical: '实物', virtual: '虚拟', service: '服务', coupon: '优惠券' };

/** How often each family occurs among generated products. */
export const FAMILY_WEIGHTS: Record<CategoryFamily, number> = { physical: 0.85, virtual: 0.07, service: 0.03, coupon: 0.05 };

/** A spec value; a priced one (face value 面值, membership term) fixes the product's market price. */
export type SpecValue = string | { label: string; priceYuan: number };

export interface SpecDimension {
  /** The spec's name (容量, 颜色, 面值 …). */
  name: string;
  values: readonly SpecValue[];
}

/** One kind of product (电饭煲, 话费充值 …): where it sits, who makes it, what varies. */
export interface ProductLine {
  family: CategoryFamily;
  /** Three-level category path, e.g. 家用电器 › 厨房小电 › 电饭煲. */
  path: readonly [string, string, string];
  /** The noun titles use. */
  noun: string;
  /** Letters in model numbers (FB for 电饭煲 …). */
  code: string;
  /** Brand names (keys of BRANDS), most popular first. */
  brands: readonly string[];
  specs: readonly SpecDimension[];
  /** Selling points titles pick from. */
  features: readonly string[];
  /** Market price range in yuan when no spec value is priced. */
  priceYuan: readonly [number, number];
  weightKg: readonly [number, number];
  /** Sale unit (台, 件, 张 …). */
  unit: string;
  /** Relative frequency within the family. */
  weight: number;
}

export interface BrandInfo {
  /** The brand's Latin name as JD titles show it: 美的（Midea）. */
  en: string;
  /** Letters starting its model numbers. */
  prefix: string;
}
