import { CatalogWorld } from '@supply-hub/sim-catalog-data';
import type { CarrierSimSettings } from '../carrier/carrier-settings';
import { FaultPolicy } from '../faults/fault-policy';
import { type FaultSettingsByFamily, NO_FAULTS, PROTOCOL_FAMILIES } from '../faults/fault-settings';
import { Delays } from '../simulation/delays';
import { SandboxGate } from '../simulation/sandbox-gate';
import { DEFAULT_RECHARGE_KNOBS, type RechargeKnobs, type RechargeSimSettings } from '../recharge/recharge-settings';
import type { JdCredentials, TaobaoCredentials } from '../simulation/sim-settings';
import { RequestStats } from '../stats/request-stats';

/** 2026-11-22 12:00:00 Beijing time: the instant of the protocol notes' worked examples. */
export const WORKED_EXAMPLE_TIME = Date.parse('2026-11-22T12:00:00+08:00');

/** The protocol notes' JD example account. */
export const JD_TEST_CREDENTIALS: JdCredentials = {
  clientId: 'sandbox-client',
  clientSecret: 'sandbox-secret',
  username: 'mall-supplier',
  password: 'p@ss-123',
  accessTokenTtlSeconds: 60,
  refreshTokenTtlSeconds: 3600,
};

/** The protocol notes' Taobao example app. */
export const TAOBAO_TEST_CREDENTIALS: TaobaoCredentials = { appKey: '12345678', appSecret: 'helloworld', session: 'test-session' };

export const noFaults = (): FaultSettingsByFamily => Object.fromEntries(PROTOCOL_FAMILIES.map((family) => [family, { ...NO_FAULTS }])) as FaultSettingsByFamily;

/** The carrier sandbox for tests: manual advance (no timer), no push faults, quick retries. */
export const testCarrierSettings = (overrides: Partial<CarrierSimSettings> = {}): CarrierSimSettings => ({
  key: 'sandbox-key',
  maxSubscriptions: 100,
  pushIntervalMs: 0,
  duplicateRate: 0,
  outOfOrderRate: 0,
  exceptionRate: 0,
  retries: 3,
  retryDelayMs: 5,
  pushTimeoutMs: 2_000,
  ...overrides,
});

/** The recharge sandboxes for tests: the development credentials, completion only when told, quick notify retries. */
export const testRechargeSettings = (knobs: Partial<RechargeKnobs> = {}): RechargeSimSettings => ({
  fulu: { appKey: 'fulu-sandbox-app', appSecret: 'fulu-sandbox-secret-0123456789ab', callbackUrl: 'http://127.0.0.1:1/fulu/notify' },
  juhe: { key: 'juhe-sandbox-key', openId: 'JHsandbox-openid', callbackUrl: 'http://127.0.0.1:1/juhe/notify' },
  maxOrders: 100,
  knobs: { ...DEFAULT_RECHARGE_KNOBS, completionDelayMs: 0, notifyRetryDelayMs: 5, notifyTimeoutMs: 2_000, ...knobs },
});

/** A mutable clock for tests. */
export function testClock(start = WORKED_EXAMPLE_TIME): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => void (time += ms) };
}

/** A small world and a gate without faults (random fixed at 0.5, so rates below it always fire). */
export function sandboxWorld(options: { skus?: number; clock?: () => number; random?: () => number; faults?: FaultSettingsByFamily } = {}) {
  const clock = options.clock ?? (() => WORKED_EXAMPLE_TIME);
  const world = new CatalogWorld({ seed: 'unit', skus: options.skus ?? 2_000, clock });
  const stats = new RequestStats();
  const gate = new SandboxGate(options.faults ?? noFaults(), new FaultPolicy(options.random ?? (() => 0.5), clock), stats, new Delays(), world);
  return { world, gate, stats, clock };
}
