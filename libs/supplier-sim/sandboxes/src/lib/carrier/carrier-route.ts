import { type City, findCitiesByName, findProvinceByCode } from '@supply-hub/geo';
import { hash4, seedOf } from '@supply-hub/sim-catalog-data';
import { CARRIER_STATES, type CarrierState } from '@supply-hub/supplier-protocols';

/** One checkpoint a parcel will reach, before it has a time. */
export interface PlannedCheckpoint {
  state: CarrierState;
  context: string;
  /** `CN` + the city's GB/T 2260 code + six zeros (unsure: the real service's area code format, read from samples). */
  areaCode: string;
  /** `广东,深圳市`, or the municipality alone (`北京市`) (unsure, as above). */
  areaName: string;
}

export type CarrierScenario = 'delivered' | 'exception';

/** Sorting centres a parcel passes; the route's three cities are drawn from these per tracking number. */
const HUB_CITIES = [
  '北京',
  '上海',
  '广州',
  '深圳',
  '杭州',
  '武汉',
  '成都',
  '西安',
  '南京',
  '郑州',
  '长沙',
  '重庆',
  '天津',
  '苏州',
  '济南',
  '沈阳',
  '合肥',
  '福州',
  '昆明',
  '东莞',
];

const CARRIER_NAMES: Readonly<Record<string, string>> = {
  shunfeng: '顺丰速运',
  zhongtong: '中通快递',
  yuantong: '圆通速递',
  yunda: '韵达快递',
  shentong: '申通快递',
  jd: '京东物流',
  ems: 'EMS',
  youzhengguonei: '中国邮政',
  jtexpress: '极兔速递',
};

const COURIERS = ['王师傅', '李师傅', '张师傅', '刘师傅', '陈师傅', '杨师傅', '赵师傅', '黄师傅'];

const SALT_ROUTE = 31;
const SALT_EXCEPTION = 37;

interface Stop {
  city: City;
  /** 深圳 */
  short: string;
  /** 深圳市 */
  name: string;
  areaCode: string;
  areaName: string;
}

const STOPS: readonly Stop[] = HUB_CITIES.map((short) => {
  const city = findCitiesByName(short)[0];
  if (!city) throw new Error(`no city named ${short}`);
  const province = city.kind === 'municipality' ? undefined : findProvinceByCode(city.province.code);
  return { city, short, name: city.name, areaCode: `CN${city.code}000000`, areaName: province ? `${province.shortName},${city.name}` : city.name };
});

/** Whether a tracking number goes through 疑难 (fixed per seed and number, so a test can rely on it). */
export function isExceptionNumber(seed: number | string, number: string, exceptionRate: number): boolean {
  return exceptionRate > 0 && hash4(seedOf(seed), SALT_EXCEPTION, 0, seedOf(number)) / 0x100000000 < exceptionRate;
}

/**
 * A parcel's whole journey, the same for the same (seed, company, number): 揽收 in the origin city,
 * three 在途 checkpoints (leaving the origin's sorting centre, through a transit hub, at the
 * destination's), then 派件 and 签收; or, for an exception number, 疑难 at the destination, 退回
 * and 退签 back at the origin.
 */
export function planJourney(seed: number | string, company: string, number: string, scenario: CarrierScenario): PlannedCheckpoint[] {
  const pick = (salt: number) => hash4(seedOf(seed), SALT_ROUTE, salt, seedOf(`${company}:${number}`));
  const origin = STOPS[pick(1) % STOPS.length]!;
  const others = STOPS.filter((stop) => stop !== origin);
  const destination = others[pick(2) % others.length]!;
  const between = others.filter((stop) => stop !== destination);
  const transit = between[pick(3) % between.length]!;
  const carrierName = CARRIER_NAMES[company] ?? '';
  const courier = COURIERS[pick(4) % COURIERS.length]!;
  const phone = `1${38 + (pick(5) % 12)}****${String(pick(6) % 10_000).padStart(4, '0')}`;

  const at = (stop: Stop, state: CarrierState, text: string): PlannedCheckpoint => ({
    state,
    context: `【${stop.name}】${text}`,
    areaCode: stop.areaCode,
    areaName: stop.areaName,
  });
  const onTheWay = [
    at(origin, CARRIER_STATES.pickedUp, `${carrierName}已揽收，揽收网点【${origin.short}营业部】`),
    at(origin, CARRIER_STATES.inTransit, `快件已从【${origin.short}转运中心】发出，下一站【${transit.short}转运中心】`),
    at(transit, CARRIER_STATES.inTransit, `快件已到达【${transit.short}转运中心】，正在分拣`),
    at(destination, CARRIER_STATES.inTransit, `快件已到达【${destination.short}转运中心】`),
  ];
  if (scenario === 'exception') {
    return [
      ...onTheWay,
      at(destination, CARRIER_STATES.problem, `收件地址不详且收件人电话无人接听，快件暂存【${destination.short}转运中心】，请收件人联系${courier}（${phone}）`),
      at(destination, CARRIER_STATES.returning, `快件因无法联系收件人，已安排退回寄件人`),
      at(origin, CARRIER_STATES.returnSigned, `退回快件已由寄件人签收`),
    ];
  }
  return [
    ...onTheWay,
    at(destination, CARRIER_STATES.outForDelivery, `快件已交给${courier}（${phone}），正在派送途中，请保持电话畅通`),
    at(destination, CARRIER_STATES.signed, `快件已签收，签收人：本人。感谢使用${carrierName || '我们的服务'}，期待再次为您服务`),
  ];
}
