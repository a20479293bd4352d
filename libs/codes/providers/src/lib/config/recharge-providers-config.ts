import { ValidationError } from '@supply-hub/errors';
import { httpClientSettingsSchema } from '@supply-hub/http-client';
import { z } from 'zod';

const connection = {
  /** The provider's configuration id (`fulu`, `juhe`): stored on every attempt. */
  id: z.string().min(1, 'must not be empty'),
  /** Up to, not including, the protocol's paths: `https://openapi.fulu.com/` or the sandbox's `http://127.0.0.1:3005/fulu/`. */
  baseUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }),
  http: httpClientSettingsSchema.prefault({}),
};

/** A 福禄-style gateway account. */
export const fuluProviderConfigSchema = z.object({
  kind: z.literal('fulu'),
  ...connection,
  appKey: z.string().min(1, 'must not be empty'),
  /** Signs requests and notifies; its first 16 bytes decrypt card passwords (see fuluCardKey). */
  appSecret: z.string().refine((secret) => Buffer.byteLength(secret) >= 16, 'must have at least 16 bytes'),
});

/** A 聚合-style account. */
export const juheProviderConfigSchema = z.object({
  kind: z.literal('juhe'),
  ...connection,
  /** The API key (AppKey) of the top-up service. */
  key: z.string().min(1, 'must not be empty'),
  /** The account's OpenId, part of every order's signature. */
  openId: z.string().min(1, 'must not be empty'),
  /** Sent as each order's `callback` when set (the sandbox takes it; a live account has it in its console). */
  callbackUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
});

export const rechargeProviderConfigSchema = z.discriminatedUnion('kind', [fuluProviderConfigSchema, juheProviderConfigSchema]);

export const rechargeProvidersConfigSchema = z
  .object({ providers: z.array(rechargeProviderConfigSchema).min(1, 'must list at least one provider') })
  .refine((config) => new Set(config.providers.map((provider) => provider.id)).size === config.providers.length, {
    message: 'provider ids must be unique',
    path: ['providers'],
  });

export type FuluProviderConfig = z.output<typeof fuluProviderConfigSchema>;
export type JuheProviderConfig = z.output<typeof juheProviderConfigSchema>;
export type RechargeProviderConfig = z.output<typeof rechargeProviderConfigSchema>;
export type RechargeProvidersConfig = z.output<typeof rechargeProvidersConfigSchema>;
export type RechargeProvidersConfigInput = z.input<typeof rechargeProvidersConfigSchema>;

/**
 * Reads the JSON text of the recharge providers setting (`{"providers":[{"kind":"fulu",…},{"kind":"juhe",…}]}`);
 * every mistake names its field (`providers.1.openId: must not be empty`).
 */
export function parseRechargeProvidersConfig(text: string): RechargeProvidersConfig {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`recharge providers: not JSON: ${(error as Error).message}`, [{ path: '', message: 'not JSON' }]);
  }
  const result = rechargeProvidersConfigSchema.safeParse(document);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new ValidationError(`recharge providers: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`, issues);
}

/** The sandboxes' development accounts (apps/supplier-sim's SIM_FULU_* and SIM_JUHE_* defaults). */
export const RECHARGE_SANDBOX_CREDENTIALS = {
  fulu: { appKey: 'fulu-sandbox-app', appSecret: 'fulu-sandbox-secret-0123456789ab' },
  juhe: { key: 'juhe-sandbox-key', openId: 'JHsandbox-openid' },
} as const;

/** The local stack's recharge sandboxes (apps/supplier-sim at `simUrl`) with their development accounts. */
export function localSandboxRechargeProviders(simUrl: string): RechargeProvidersConfig {
  const base = simUrl.replace(/\/+$/, '');
  // The sandbox is on this machine: a short timeout, quick retries (queries only: submits are sent once).
  const http = { timeoutMs: 5_000, retry: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 1_000 } };
  const input: RechargeProvidersConfigInput = {
    providers: [
      { kind: 'fulu', id: 'fulu', baseUrl: `${base}/fulu/`, ...RECHARGE_SANDBOX_CREDENTIALS.fulu, http },
      { kind: 'juhe', id: 'juhe', baseUrl: `${base}/juhe/`, ...RECHARGE_SANDBOX_CREDENTIALS.juhe, http },
    ],
  };
  return rechargeProvidersConfigSchema.parse(input);
}
