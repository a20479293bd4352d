import { z } from 'zod';

/** The mall's four category families, with the Chinese name each is defined by. */
export const CATEGORY_FAMILY_LABELS = {
  physical: '实物',
  virtual: '虚拟',
  service: '服务',
  coupon: '优惠券',
} as const;

export type CategoryFamily = keyof typeof CATEGORY_FAMILY_LABELS;

export const CATEGORY_FAMILIES = Object.keys(CATEGORY_FAMILY_LABELS) as CategoryFamily[];

export const categoryFamilySchema = z
  .enum(['physical', 'virtual', 'service', 'coupon'])
  .describe('physical (实物), virtual (虚拟), service (服务) or coupon (优惠券)');
