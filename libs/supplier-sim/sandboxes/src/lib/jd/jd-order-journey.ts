import { findCityByCode } from '@supply-hub/geo';
import { hash4, seedOf } from '@supply-hub/sim-catalog-data';
import type { JdOrderArea } from '@supply-hub/supplier-protocols';

export type JdOrderScenario = 'delivered' | 'rejected';

/** One track entry an order will reach, before it has a time. */
export interface JdPlannedStep {
  content: string;
  operator: string;
  /** The order's delivery state once this step is reached: 妥投 or 拒收 (the last step). */
  final?: 'delivered' | 'rejected';
}

const SALT_JOURNEY = 41;
const SALT_REJECT = 43;
const STATIONS = ['中心', '朝阳', '滨江', '高新', '开发区', '新城', '东湖', '西城'];
const COURIERS = ['王师傅', '李师傅', '张师傅', '刘师傅', '陈师傅', '杨师傅'];

/** Whether the recipient of this order refuses it (fixed per seed and thirdOrder, so a test can rely on it). */
export function isRejectedOrder(seed: number | string, thirdOrder: string, rejectRate: number): boolean {
  return rejectRate > 0 && hash4(seedOf(seed), SALT_REJECT, 0, seedOf(thirdOrder)) / 0x100000000 < rejectRate;
}

/** The city an order's track names: the area's city (a GB/T 2260 code, see jdOrderAreaOf), else 北京. */
export function trackCityOf(area: Pick<JdOrderArea, 'city'>): string {
  return findCityByCode(area.city)?.shortName ?? '北京';
}

/** What the track says when the order is submitted, and when it is confirmed (not yet left: 准备出库). */
export const submittedStep = (): JdPlannedStep => ({ content: '您提交了订单，请等待系统确认', operator: '客户' });
export const confirmedStep = (city: string): JdPlannedStep => ({ content: `您的订单已经进入京东${city}仓准备出库`, operator: '系统' });

/** The reject step that replaces what is left of a journey (POST /sim/jd/orders/reject, or a rejecting scenario). */
export function rejectedStep(courier: string, reason = '收货人拒绝签收'): JdPlannedStep {
  return { content: `客户拒收（${reason}），订单将返回京东仓库`, operator: courier, final: 'rejected' };
}

/**
 * A confirmed order's way to the door, the same for the same (seed, thirdOrder): handed to the line haul
 * (发货完成: the parcel left the warehouse), at the delivery station, out with a courier, then 妥投 or,
 * for a rejecting order, 拒收.
 */
export function planJdOrderJourney(seed: number | string, thirdOrder: string, city: string, scenario: JdOrderScenario): JdPlannedStep[] {
  const pick = (salt: number) => hash4(seedOf(seed), SALT_JOURNEY, salt, seedOf(thirdOrder));
  const station = `${city}${STATIONS[pick(1) % STATIONS.length]}站`;
  const courier = courierOf(seed, thirdOrder);
  const phone = `1${38 + (pick(3) % 12)}****${String(pick(4) % 10_000).padStart(4, '0')}`;
  return [
    { content: `您的订单在京东【${city}分拣中心】发货完成，准备送往京东【${station}】`, operator: '京东物流' },
    { content: `您的订单已到达【${station}】`, operator: '京东物流' },
    { content: `配送员开始配送，请您准备收货，配送员：${courier}，手机号：${phone}`, operator: courier },
    scenario === 'rejected' ? rejectedStep(courier) : { content: '您的订单已妥投，感谢您在京东购物，欢迎再次光临', operator: courier, final: 'delivered' },
  ];
}

export function courierOf(seed: number | string, thirdOrder: string): string {
  return COURIERS[hash4(seedOf(seed), SALT_JOURNEY, 2, seedOf(thirdOrder)) % COURIERS.length]!;
}
