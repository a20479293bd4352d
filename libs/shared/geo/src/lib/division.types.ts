/** A point on the globe in WGS 84 degrees. */
export interface LatLng {
  readonly lat: number;
  readonly lng: number;
}

/** 省级行政区: 省, 自治区, 直辖市, 特别行政区. */
export type ProvinceKind = 'province' | 'autonomous-region' | 'municipality' | 'special-administrative-region';

export interface ProvinceRef {
  /** GB/T 2260 code, six digits ending in 0000 (江苏省 = 320000). */
  readonly code: string;
  /** Official name (江苏省, 广西壮族自治区). */
  readonly name: string;
}

export interface Province extends ProvinceRef {
  /** The name people write without its suffix (江苏, 广西, 香港). */
  readonly shortName: string;
  /** The one-character abbreviation (苏, 桂, 港). */
  readonly abbreviation: string;
  readonly kind: ProvinceKind;
}

/**
 * What a city-level entry is. The first four are the prefecture-level divisions (地级行政区): 地级市, 地区,
 * 自治州, 盟. The others stand in for a city where there is no prefecture-level division above the address:
 * 直辖市 and 特别行政区 are their own city, 台湾省 is listed by GB/T 2260 without prefectures, and the county-level
 * units that a province administers directly (省直辖县级行政单位: 仙桃, 济源, 石河子, 五指山…) are their own city.
 */
export type CityKind =
  | 'prefecture-level-city'
  | 'prefecture'
  | 'autonomous-prefecture'
  | 'league'
  | 'municipality'
  | 'special-administrative-region'
  | 'undivided-province'
  | 'province-administered';

export const PREFECTURE_LEVEL_KINDS: readonly CityKind[] = ['prefecture-level-city', 'prefecture', 'autonomous-prefecture', 'league'];

/** A city-level entry: the unit addresses resolve to, with the coordinates of its seat. */
export interface City extends LatLng {
  /**
   * GB/T 2260 code: the prefecture's (苏州市 = 320500), the county-level unit's for a province-administered one
   * (仙桃市 = 429004), the province's for a municipality, SAR or Taiwan (北京市 = 110000).
   */
  readonly code: string;
  readonly name: string;
  /** The name without its suffix (苏州, 恩施, 延边, 北京). */
  readonly shortName: string;
  readonly kind: CityKind;
  readonly province: ProvinceRef;
}
