import { envTypes, SERVICES } from '@supply-hub/config';
import { z } from 'zod';

const rate = (fallback: number) =>
  z.coerce.number({ message: 'must be a number between 0 and 1' }).min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').default(fallback);

const digitSuffix = (fallback: string) =>
  z
    .string()
    .regex(/^\d{0,8}$/, 'must be up to 8 digits')
    .default(fallback);
const callbackUrl = () => z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional();

/** The fault knobs of one protocol family (JD, TAOBAO, FEEDS, CARRIER, FULU or JUHE); each can be changed at run time with POST /sim/faults. */
const faultVariables = <F extends 'JD' | 'TAOBAO' | 'FEEDS' | 'CARRIER' | 'FULU' | 'JUHE'>(family: F) => ({
  /** Added to every answer. */
  [`SIM_${family}_LATENCY_MS`]: envTypes.integer({ min: 0, max: 60_000, fallback: 0 }),
  /** Share of calls failing as the platform's fault (JD, feeds: HTTP 5xx; Taobao: code 15 with an isp.* sub_code). */
  [`SIM_${family}_ERROR_RATE`]: rate(0),
  /** Calls per second before 429 + Retry-After (Taobao: code 7 in-band); 0 = unlimited. */
  [`SIM_${family}_RATE_LIMIT_PER_SECOND`]: envTypes.integer({ min: 0, max: 1_000_000, fallback: 0 }),
  /** Share of calls answered only after SIM_<family>_TIMEOUT_MS. */
  [`SIM_${family}_TIMEOUT_RATE`]: rate(0),
  [`SIM_${family}_TIMEOUT_MS`]: envTypes.integer({ min: 0, max: 600_000, fallback: 30_000 }),
  /** Share of records in a page or feed sent broken at serve time. */
  [`SIM_${family}_MALFORMED_RATE`]: rate(0),
  /** Changes applied before each page after the first (a supplier moving while a client pages). */
  [`SIM_${family}_CHANGES_BETWEEN_PAGES`]: envTypes.integer({ min: 0, max: 10_000, fallback: 0 }),
});

/**
 * supplier-sim's settings. The sandboxes keep nothing durable and speak the suppliers' own auth, so they
 * read neither Kafka, MongoDB nor the staff token secret.
 *
 * | variable | default | meaning |
 * | --- | --- | --- |
 * | SIM_SEED | supply-hub | seed of the generated world (any text or number) |
 * | SIM_SKUS | 120000 | source SKUs across JD (45 %), Taobao (35 %) and five brand feeds (20 %) |
 * | SIM_MALFORMED_RATE | 0.003 | share of generated records broken for good (fixed per seed) |
 * | SIM_JD_CLIENT_ID / SIM_JD_CLIENT_SECRET | sandbox-client / sandbox-secret | JD token client |
 * | SIM_JD_USERNAME / SIM_JD_PASSWORD | mall-supplier / p@ss-123 | JD account (the form carries MD5 of the password) |
 * | SIM_JD_TOKEN_TTL_S / SIM_JD_REFRESH_TOKEN_TTL_S | 86400 / 2592000 | access / refresh token lifetimes |
 * | SIM_JD_ORDER_STEP_INTERVAL_MS | 10000 | time between a confirmed JD order's steps (发货完成 … 妥投); 0 = only on POST /sim/jd/orders/advance |
 * | SIM_JD_ORDER_REJECT_RATE | 0 | share of JD orders (fixed per thirdOrder) refused at the door (拒收) instead of delivered |
 * | SIM_JD_MAX_ORDERS | 100000 | JD orders kept in memory (the oldest finished one makes room) |
 * | SIM_TAOBAO_APP_KEY / SIM_TAOBAO_APP_SECRET | 12345678 / helloworld | TOP app (the protocol notes' worked example) |
 * | SIM_TAOBAO_SESSION | test-session | the seller session item methods require |
 * | SIM_CARRIER_KEY | sandbox-key | the subscriber key the carrier sandbox accepts |
 * | SIM_CARRIER_PUSH_INTERVAL_MS | 5000 | time between a subscription's checkpoints; 0 = only on POST /sim/carrier/advance |
 * | SIM_CARRIER_DUPLICATE_RATE, _OUT_OF_ORDER_RATE | 0 | share of pushes sent twice / followed by the previous push |
 * | SIM_CARRIER_EXCEPTION_RATE | 0 | share of tracking numbers (fixed per number) that go through 疑难 and are returned |
 * | SIM_CARRIER_RETRIES / SIM_CARRIER_RETRY_DELAY_MS | 3 / 10000 | push retries when the receiver does not acknowledge (real: 3, 35 min apart) |
 * | SIM_CARRIER_PUSH_TIMEOUT_MS | 5000 | wait for the receiver's answer |
 * | SIM_CARRIER_MAX_SUBSCRIPTIONS | 10000 | subscriptions kept in memory (the oldest finished one makes room) |
 * | SIM_FULU_APP_KEY / SIM_FULU_APP_SECRET | fulu-sandbox-app / fulu-sandbox-secret-0123456789ab | the 福禄-style app (secret ≥ 16 bytes: its first 16 are the card-password key) |
 * | SIM_FULU_CALLBACK_URL | (none) | where the 福禄-style sandbox POSTs notifies (the app's callback URL); none = no notifies |
 * | SIM_JUHE_KEY / SIM_JUHE_OPEN_ID | juhe-sandbox-key / JHsandbox-openid | the 聚合-style account |
 * | SIM_JUHE_CALLBACK_URL | (none) | notify URL of 聚合-style orders that give no `callback` |
 * | SIM_RECHARGE_COMPLETION_DELAY_MS | 3000 | processing → final state; 0 = only on POST /sim/recharge/complete |
 * | SIM_RECHARGE_SUSPENDED_SUFFIX / _MAINTENANCE_SUFFIX | 0000 / 9999 | accounts ending so fail with 号码已停机 / 运营商维护 ("" = none) |
 * | SIM_RECHARGE_NOTIFY_DROP_RATE, _DUPLICATE_RATE, _BAD_SIGN_RATE | 0 | share of notifies never sent / sent twice / signed wrongly |
 * | SIM_RECHARGE_NOTIFY_DELAY_MS | 0 | wait before a notify (late notifies) |
 * | SIM_RECHARGE_NOTIFY_RETRIES / _RETRY_DELAY_MS / _TIMEOUT_MS | 3 / 5000 / 5000 | notify retries until the receiver answers `success` |
 * | SIM_RECHARGE_MAX_ORDERS | 100000 | orders kept per provider (the oldest finished one makes room) |
 * | SIM_{JD,TAOBAO,FEEDS,CARRIER,FULU,JUHE}_LATENCY_MS | 0 | fault knobs per protocol family, see faultVariables (carrier: the subscribe call; fulu, juhe: a timed-out call keeps its order) |
 * | SIM_{…}_ERROR_RATE, _TIMEOUT_RATE, _MALFORMED_RATE | 0 | shares in [0, 1] |
 * | SIM_{…}_RATE_LIMIT_PER_SECOND | 0 | 0 = unlimited |
 * | SIM_{…}_TIMEOUT_MS | 30000 | how late a timed-out call answers |
 * | SIM_{…}_CHANGES_BETWEEN_PAGES | 0 | changes before each page after the first |
 */
export const supplierSimEnv = z.object({
  PORT: envTypes.port(SERVICES['supplier-sim'].port),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: envTypes.logLevel(),
  SIM_SEED: z.string().min(1, 'must not be empty').default('supply-hub'),
  SIM_SKUS: envTypes.integer({ min: 0, max: 10_000_000, fallback: 120_000 }),
  SIM_MALFORMED_RATE: rate(0.003),
  SIM_JD_CLIENT_ID: z.string().min(1).default('sandbox-client'),
  SIM_JD_CLIENT_SECRET: z.string().min(1).default('sandbox-secret'),
  SIM_JD_USERNAME: z.string().min(1).default('mall-supplier'),
  SIM_JD_PASSWORD: z.string().min(1).default('p@ss-123'),
  SIM_JD_TOKEN_TTL_S: envTypes.integer({ min: 1, max: 31_536_000, fallback: 86_400 }),
  SIM_JD_REFRESH_TOKEN_TTL_S: envTypes.integer({ min: 1, max: 31_536_000, fallback: 2_592_000 }),
  SIM_JD_ORDER_STEP_INTERVAL_MS: envTypes.integer({ min: 0, max: 3_600_000, fallback: 10_000 }),
  SIM_JD_ORDER_REJECT_RATE: rate(0),
  SIM_JD_MAX_ORDERS: envTypes.integer({ min: 1, max: 10_000_000, fallback: 100_000 }),
  SIM_TAOBAO_APP_KEY: z.string().min(1).default('12345678'),
  SIM_TAOBAO_APP_SECRET: z.string().min(1).default('helloworld'),
  SIM_TAOBAO_SESSION: z.string().min(1).default('test-session'),
  SIM_CARRIER_KEY: z.string().min(1).default('sandbox-key'),
  SIM_CARRIER_PUSH_INTERVAL_MS: envTypes.integer({ min: 0, max: 3_600_000, fallback: 5_000 }),
  SIM_CARRIER_DUPLICATE_RATE: rate(0),
  SIM_CARRIER_OUT_OF_ORDER_RATE: rate(0),
  SIM_CARRIER_EXCEPTION_RATE: rate(0),
  SIM_CARRIER_RETRIES: envTypes.integer({ min: 0, max: 20, fallback: 3 }),
  SIM_CARRIER_RETRY_DELAY_MS: envTypes.integer({ min: 0, max: 3_600_000, fallback: 10_000 }),
  SIM_CARRIER_PUSH_TIMEOUT_MS: envTypes.integer({ min: 1, max: 120_000, fallback: 5_000 }),
  SIM_CARRIER_MAX_SUBSCRIPTIONS: envTypes.integer({ min: 1, max: 1_000_000, fallback: 10_000 }),
  SIM_FULU_APP_KEY: z.string().min(1).default('fulu-sandbox-app'),
  SIM_FULU_APP_SECRET: z
    .string()
    .refine((value) => Buffer.byteLength(value) >= 16, 'must have at least 16 bytes')
    .default('fulu-sandbox-secret-0123456789ab'),
  SIM_FULU_CALLBACK_URL: callbackUrl(),
  SIM_JUHE_KEY: z.string().min(1).default('juhe-sandbox-key'),
  SIM_JUHE_OPEN_ID: z.string().min(1).default('JHsandbox-openid'),
  SIM_JUHE_CALLBACK_URL: callbackUrl(),
  SIM_RECHARGE_COMPLETION_DELAY_MS: envTypes.integer({ min: 0, max: 3_600_000, fallback: 3_000 }),
  SIM_RECHARGE_SUSPENDED_SUFFIX: digitSuffix('0000'),
  SIM_RECHARGE_MAINTENANCE_SUFFIX: digitSuffix('9999'),
  SIM_RECHARGE_NOTIFY_DROP_RATE: rate(0),
  SIM_RECHARGE_NOTIFY_DUPLICATE_RATE: rate(0),
  SIM_RECHARGE_NOTIFY_BAD_SIGN_RATE: rate(0),
  SIM_RECHARGE_NOTIFY_DELAY_MS: envTypes.integer({ min: 0, max: 3_600_000, fallback: 0 }),
  SIM_RECHARGE_NOTIFY_RETRIES: envTypes.integer({ min: 0, max: 20, fallback: 3 }),
  SIM_RECHARGE_NOTIFY_RETRY_DELAY_MS: envTypes.integer({ min: 0, max: 3_600_000, fallback: 5_000 }),
  SIM_RECHARGE_NOTIFY_TIMEOUT_MS: envTypes.integer({ min: 1, max: 120_000, fallback: 5_000 }),
  SIM_RECHARGE_MAX_ORDERS: envTypes.integer({ min: 1, max: 10_000_000, fallback: 100_000 }),
  ...faultVariables('JD'),
  ...faultVariables('TAOBAO'),
  ...faultVariables('FEEDS'),
  ...faultVariables('CARRIER'),
  ...faultVariables('FULU'),
  ...faultVariables('JUHE'),
});

export type SupplierSimEnv = z.output<typeof supplierSimEnv>;
