import { DIRECT_BRANDS, type DirectBrand } from '../taxonomy/brands';

/** The protocol family of a source, as the catalog domain names it. */
export type SourceKind = 'jd' | 'taobao' | 'brand-feed';

/** `jd`, `taobao` or `brand-<slug>` (brand-midea …), the ids catalog-sync configures its sources with. */
export type SourceId = string;

export interface SimSource {
  id: SourceId;
  kind: SourceKind;
  /** Position in WORLD_SOURCES; part of every per-source hash. */
  ordinal: number;
  /** Share of all base SKUs. */
  share: number;
  /** Set for brand-direct sources. */
  brand?: DirectBrand;
}

const JD_SHARE = 0.45;
const TAOBAO_SHARE = 0.35;
const BRAND_SHARE = 1 - JD_SHARE - TAOBAO_SHARE;

export const WORLD_SOURCES: readonly SimSource[] = [
  { id: 'jd', kind: 'jd', ordinal: 0, share: JD_SHARE },
  { id: 'taobao', kind: 'taobao', ordinal: 1, share: TAOBAO_SHARE },
  ...DIRECT_BRANDS.map((brand, i): SimSource => ({ id: `brand-${brand.slug}`, kind: 'brand-feed', ordinal: 2 + i, share: BRAND_SHARE * brand.share, brand })),
];

export const JD_SOURCE = WORLD_SOURCES[0] as SimSource;
export const TAOBAO_SOURCE = WORLD_SOURCES[1] as SimSource;
export const BRAND_SOURCES: readonly SimSource[] = WORLD_SOURCES.slice(2);

export function sourceById(id: SourceId): SimSource | undefined {
  return WORLD_SOURCES.find((source) => source.id === id);
}

export function brandSourceBySlug(slug: string): SimSource | undefined {
  return BRAND_SOURCES.find((source) => source.brand?.slug === slug);
}
