import type { PoolFilters } from './selection-pool';

export const INDUSTRY_TEMPLATE_IDS = ['generic', 'finance', 'retail', 'internet'] as const;
export type IndustryTemplateId = (typeof INDUSTRY_TEMPLATE_IDS)[number];

export interface IndustryTemplate {
  id: IndustryTemplateId;
  label: string;
  /** Why these filters suit the industry's members, for the staff choosing one. */
  description: string;
  filters: PoolFilters;
}

/**
 * The presets a mall's pool starts from. Families and points bands only: subcategories and brands depend
 * on what the suppliers carry this month, which staff add per mall on top.
 */
export const INDUSTRY_TEMPLATES: Readonly<Record<IndustryTemplateId, IndustryTemplate>> = {
  generic: {
    id: 'generic',
    label: '通用',
    description: 'The whole sellable catalog; narrow it with filters, includes and excludes.',
    filters: {},
  },
  finance: {
    id: 'finance',
    label: '银行',
    description: 'Card members hold large points balances earned over months: every family, mid and high bands (appliances, travel, wellness), no low-value trinkets.',
    filters: { bands: ['mid', 'high'] },
  },
  retail: {
    id: 'retail',
    label: '零售',
    description: 'Shoppers redeem small balances often: physical goods and coupons in the low and mid bands.',
    filters: { families: ['physical', 'coupon'], bands: ['low', 'mid'] },
  },
  internet: {
    id: 'internet',
    label: '互联网',
    description: 'App users want instant rewards: virtual goods (top-ups, memberships), coupons and services in the low and mid bands, nothing to ship.',
    filters: { families: ['virtual', 'coupon', 'service'], bands: ['low', 'mid'] },
  },
};

export function industryTemplate(id: IndustryTemplateId): IndustryTemplate {
  return INDUSTRY_TEMPLATES[id];
}
