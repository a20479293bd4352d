import type { CategoryFamily } from '@supply-hub/contracts';
import type { PointsBand } from '../points/points-band';

export const CATALOG_MIX_PRESET_IDS = ['generic', 'finance', 'retail', 'internet', 'everyday-quality-scarce'] as const;
export type CatalogMixPresetId = (typeof CATALOG_MIX_PRESET_IDS)[number];

/** A target mix: weights per category family and/or per points band (a dimension left out has no target). */
export interface CatalogMixPreset {
  id: CatalogMixPresetId;
  label: string;
  description: string;
  families?: Readonly<Record<CategoryFamily, number>>;
  bands?: Readonly<Record<PointsBand, number>>;
}

/**
 * The target mixes the mix report measures against. The industry weights are our starting points, to be
 * tuned with the malls' redemption data: banks' members redeem for goods to keep, retail members for
 * money off the next purchase, internet users for instant digital rewards.
 */
export const CATALOG_MIX_PRESETS: Readonly<Record<CatalogMixPresetId, CatalogMixPreset>> = {
  generic: {
    id: 'generic',
    label: '通用 4:3:2:1',
    description: 'coupon 4 : virtual 3 : physical 2 : service 1',
    families: { coupon: 4, virtual: 3, physical: 2, service: 1 },
  },
  finance: {
    id: 'finance',
    label: '银行',
    description: 'physical 40% (appliances, luggage), coupon 25%, virtual 20%, service 15% (health checks, airport lounges)',
    families: { physical: 40, coupon: 25, virtual: 20, service: 15 },
  },
  retail: {
    id: 'retail',
    label: '零售',
    description: 'coupon 40% (money off the next visit), physical 40%, virtual 15%, service 5%',
    families: { coupon: 40, physical: 40, virtual: 15, service: 5 },
  },
  internet: {
    id: 'internet',
    label: '互联网',
    description: 'virtual 45% (top-ups, memberships), coupon 35%, service 10%, physical 10%',
    families: { virtual: 45, coupon: 35, service: 10, physical: 10 },
  },
  'everyday-quality-scarce': {
    id: 'everyday-quality-scarce',
    label: '60/30/10',
    description: 'everyday goods 60%, quality goods 30%, scarce goods 10%, read as the low, mid and high points bands',
    bands: { low: 60, mid: 30, high: 10 },
  },
};
