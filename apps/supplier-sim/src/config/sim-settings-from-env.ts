import { type FaultSettings, PROTOCOL_FAMILIES, type ProtocolFamily, type SimSettings } from '@supply-hub/sim-sandboxes';
import type { SupplierSimEnv } from './supplier-sim-env';

const FAULT_VARIABLES: Record<keyof FaultSettings, string> = {
  latencyMs: 'LATENCY_MS',
  errorRate: 'ERROR_RATE',
  rateLimitPerSecond: 'RATE_LIMIT_PER_SECOND',
  timeoutRate: 'TIMEOUT_RATE',
  timeoutMs: 'TIMEOUT_MS',
  malformedRate: 'MALFORMED_RATE',
  changesBetweenPages: 'CHANGES_BETWEEN_PAGES',
};

/** The sandboxes' settings from the validated environment. */
export function simSettingsFromEnv(env: SupplierSimEnv): SimSettings {
  const faults = Object.fromEntries(PROTOCOL_FAMILIES.map((family) => [family, faultsOf(env, family)])) as Record<ProtocolFamily, FaultSettings>;
  return {
    seed: env.SIM_SEED,
    skus: env.SIM_SKUS,
    malformedRate: env.SIM_MALFORMED_RATE,
    faults,
    jd: {
      clientId: env.SIM_JD_CLIENT_ID,
      clientSecret: env.SIM_JD_CLIENT_SECRET,
      username: env.SIM_JD_USERNAME,
      password: env.SIM_JD_PASSWORD,
      accessTokenTtlSeconds: env.SIM_JD_TOKEN_TTL_S,
      refreshTokenTtlSeconds: env.SIM_JD_REFRESH_TOKEN_TTL_S,
    },
    jdOrders: { stepIntervalMs: env.SIM_JD_ORDER_STEP_INTERVAL_MS, rejectRate: env.SIM_JD_ORDER_REJECT_RATE, maxOrders: env.SIM_JD_MAX_ORDERS },
    taobao: { appKey: env.SIM_TAOBAO_APP_KEY, appSecret: env.SIM_TAOBAO_APP_SECRET, session: env.SIM_TAOBAO_SESSION },
    carrier: {
      key: env.SIM_CARRIER_KEY,
      maxSubscriptions: env.SIM_CARRIER_MAX_SUBSCRIPTIONS,
      pushIntervalMs: env.SIM_CARRIER_PUSH_INTERVAL_MS,
      duplicateRate: env.SIM_CARRIER_DUPLICATE_RATE,
      outOfOrderRate: env.SIM_CARRIER_OUT_OF_ORDER_RATE,
      exceptionRate: env.SIM_CARRIER_EXCEPTION_RATE,
      retries: env.SIM_CARRIER_RETRIES,
      retryDelayMs: env.SIM_CARRIER_RETRY_DELAY_MS,
      pushTimeoutMs: env.SIM_CARRIER_PUSH_TIMEOUT_MS,
    },
    recharge: {
      fulu: { appKey: env.SIM_FULU_APP_KEY, appSecret: env.SIM_FULU_APP_SECRET, callbackUrl: env.SIM_FULU_CALLBACK_URL },
      juhe: { key: env.SIM_JUHE_KEY, openId: env.SIM_JUHE_OPEN_ID, callbackUrl: env.SIM_JUHE_CALLBACK_URL },
      maxOrders: env.SIM_RECHARGE_MAX_ORDERS,
      knobs: {
        completionDelayMs: env.SIM_RECHARGE_COMPLETION_DELAY_MS,
        suspendedSuffix: env.SIM_RECHARGE_SUSPENDED_SUFFIX,
        maintenanceSuffix: env.SIM_RECHARGE_MAINTENANCE_SUFFIX,
        notifyDropRate: env.SIM_RECHARGE_NOTIFY_DROP_RATE,
        notifyDuplicateRate: env.SIM_RECHARGE_NOTIFY_DUPLICATE_RATE,
        notifyBadSignRate: env.SIM_RECHARGE_NOTIFY_BAD_SIGN_RATE,
        notifyDelayMs: env.SIM_RECHARGE_NOTIFY_DELAY_MS,
        notifyRetries: env.SIM_RECHARGE_NOTIFY_RETRIES,
        notifyRetryDelayMs: env.SIM_RECHARGE_NOTIFY_RETRY_DELAY_MS,
        notifyTimeoutMs: env.SIM_RECHARGE_NOTIFY_TIMEOUT_MS,
      },
    },
  };
}

function faultsOf(env: SupplierSimEnv, family: ProtocolFamily): FaultSettings {
  const values = env as unknown as Record<string, number>;
  const settings = {} as FaultSettings;
  for (const [knob, suffix] of Object.entries(FAULT_VARIABLES) as [keyof FaultSettings, string][])
    settings[knob] = values[`SIM_${family.toUpperCase()}_${suffix}`] as number;
  return settings;
}
