import type { CarrierSimSettings } from '../carrier/carrier-settings';
import type { FaultSettingsByFamily } from '../faults/fault-settings';
import type { JdOrderSimSettings } from '../jd/jd-order-settings';
import type { RechargeSimSettings } from '../recharge/recharge-settings';

/** The sandboxes' configuration (apps/supplier-sim reads it from SIM_* variables). */
export interface SimSettings {
  seed: number | string;
  /** Source SKUs of the generated world. */
  skus: number;
  /** Share of generated records broken on purpose (the world's own, not a fault knob). */
  malformedRate: number;
  faults: FaultSettingsByFamily;
  jd: JdCredentials;
  /** The JD order sandbox (DEFAULT_JD_ORDER_SETTINGS when absent). */
  jdOrders?: JdOrderSimSettings;
  taobao: TaobaoCredentials;
  carrier: CarrierSimSettings;
  /** The 福禄-style and 聚合-style recharge provider sandboxes. */
  recharge: RechargeSimSettings;
}

export interface JdCredentials {
  clientId: string;
  clientSecret: string;
  username: string;
  /** The account password in clear; the token form carries its MD5. */
  password: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

export interface TaobaoCredentials {
  appKey: string;
  appSecret: string;
  /** The seller's session key that item methods require. */
  session: string;
}

export const SIM_SETTINGS = Symbol('SimSettings');
/** `() => number` (ms since epoch): token expiry, Taobao's timestamp window, change times, carrier checkpoint times. */
export const SIM_CLOCK = Symbol('SimClock');
/** `() => number` in [0, 1): fault decisions (seeded from SIM_SEED unless a test injects one). */
export const SIM_RANDOM = Symbol('SimRandom');
