import { findCityByCode } from '@supply-hub/geo';

/** The six regions the warehouses are named after (大区). */
export const WAREHOUSE_REGIONS = ['华北', '华东', '华南', '华中', '西南', '西北'] as const;
export type WarehouseRegion = (typeof WAREHOUSE_REGIONS)[number];

/**
 * Carriers a warehouse can hand parcels to, by the code the tracking integrations use. A closed list rather
 * than any string: a typo in the configuration ("SFF") would otherwise only show up when a parcel has no
 * carrier to go to, and a new carrier needs a tracking integration (code) anyway.
 */
export const CARRIER_NAMES = {
  SF: '顺丰速运',
  JD: '京东物流',
  EMS: '中国邮政 EMS',
  ZTO: '中通快递',
  YTO: '圆通速递',
  STO: '申通快递',
  YD: '韵达速递',
  JT: '极兔速递',
  DBL: '德邦快递',
} as const;
export type CarrierCode = keyof typeof CARRIER_NAMES;
export const CARRIER_CODES = Object.keys(CARRIER_NAMES) as [CarrierCode, ...CarrierCode[]];

/** One of our own warehouses (自营仓): configuration, loaded at start-up, never edited by orders. */
export interface Warehouse {
  /** `wh-<short>`, e.g. `wh-bj`; stock, capacity and parcels refer to it. */
  readonly id: string;
  /** Shown to staff and in routing explanations (北京仓). */
  readonly name: string;
  readonly region: WarehouseRegion;
  /** GB/T 2260 code of the city-level division the warehouse is in (成都市 = 510100), as `@supply-hub/geo` lists it. */
  readonly cityCode: string;
  /** WGS 84 degrees: where distances to destinations are measured from. */
  readonly lat: number;
  readonly lng: number;
  /** Parcels the warehouse can dispatch in one day; each routed parcel takes one. */
  readonly dailyCapacity: number;
  readonly carriers: readonly CarrierCode[];
  /** An inactive warehouse (stocktake, closure) is listed in explanations but never ships. */
  readonly active: boolean;
  /**
   * Local hour (Asia/Shanghai, 0–23) after which a new parcel goes out the next day. Routing does not read it:
   * the caller uses it to pick which day's capacity it passes in.
   */
  readonly dispatchCutoffHour: number;
}

type DefaultWarehouseSpec = Omit<Warehouse, 'lat' | 'lng' | 'active'>;

/**
 * The warehouse's coordinates are its city's seat as `@supply-hub/geo` has it, the same point a destination
 * in that city resolves to: an order to 成都 is then 0 km from 成都仓, and distances from warehouses and to
 * destinations come from one data set.
 */
function atCitySeat(spec: DefaultWarehouseSpec): Warehouse {
  const city = findCityByCode(spec.cityCode);
  // The codes below are fixed and the geo data is checked in: a miss is a broken build, not a runtime case.
  if (!city || city.code !== spec.cityCode) throw new Error(`warehouse ${spec.id}: ${spec.cityCode} is not a city-level code in @supply-hub/geo`);
  return Object.freeze({ ...spec, carriers: Object.freeze([...spec.carriers]), lat: city.lat, lng: city.lng, active: true });
}

const DEFAULT_WAREHOUSE_SPECS: readonly DefaultWarehouseSpec[] = [
  { id: 'wh-bj', name: '北京仓', region: '华北', cityCode: '110000', dailyCapacity: 5000, carriers: ['SF', 'JD', 'ZTO', 'YTO'], dispatchCutoffHour: 16 },
  { id: 'wh-sh', name: '上海仓', region: '华东', cityCode: '310000', dailyCapacity: 6000, carriers: ['SF', 'JD', 'ZTO', 'YTO', 'STO'], dispatchCutoffHour: 17 },
  { id: 'wh-gz', name: '广州仓', region: '华南', cityCode: '440100', dailyCapacity: 5000, carriers: ['SF', 'JD', 'ZTO', 'JT'], dispatchCutoffHour: 17 },
  { id: 'wh-wh', name: '武汉仓', region: '华中', cityCode: '420100', dailyCapacity: 3000, carriers: ['SF', 'JD', 'ZTO', 'YD'], dispatchCutoffHour: 16 },
  { id: 'wh-cd', name: '成都仓', region: '西南', cityCode: '510100', dailyCapacity: 3000, carriers: ['SF', 'JD', 'YTO', 'EMS'], dispatchCutoffHour: 16 },
  { id: 'wh-xa', name: '西安仓', region: '西北', cityCode: '610100', dailyCapacity: 2000, carriers: ['SF', 'JD', 'EMS', 'YTO'], dispatchCutoffHour: 15 },
];

/** The six warehouses of a fresh installation; a deployment replaces them with its own configuration. */
export const DEFAULT_WAREHOUSES: readonly Warehouse[] = Object.freeze(DEFAULT_WAREHOUSE_SPECS.map(atCitySeat));

/**
 * Subsets are bit masks in 32-bit integers, and an exact search over more warehouses than a national network
 * has would not stay fast anyway; the warehouses configuration refuses more.
 */
export const MAX_WAREHOUSES = 30;
