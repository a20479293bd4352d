import { z } from 'zod';
import { beijingTimeSchema } from '../common/beijing-time';
import { md5Hex } from '../common/digest';

/** `oauth2/accessToken` form. Token calls are the only signed JD calls. */
export const jdAccessTokenFormSchema = z.object({
  grant_type: z.literal('access_token'),
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  timestamp: beijingTimeSchema,
  username: z.string().min(1),
  /** MD5 hex of the account password, lower case: see jdPasswordHash. */
  password: z.string().regex(/^[0-9a-f]{32}$/, 'must be the lower-case MD5 hex of the password'),
  scope: z.string(),
  sign: z.string().regex(/^[0-9A-F]{32}$/, 'must be upper-case MD5 hex'),
});

export type JdAccessTokenForm = z.infer<typeof jdAccessTokenFormSchema>;

/** `oauth2/refreshToken` form (not signed). */
export const jdRefreshTokenFormSchema = z.object({
  refresh_token: z.string().min(1),
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
});

export type JdRefreshTokenForm = z.infer<typeof jdRefreshTokenFormSchema>;

/** `result` of both token calls. */
export const jdTokenResultSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  /** Seconds the access token lives (86400). */
  expires_in: z.number().int().positive(),
  /** When the token was issued, ms since epoch. */
  time: z.number().int().nonnegative(),
  /** When the refresh token dies, ms since epoch. */
  refresh_token_expires: z.number().int().nonnegative(),
  uid: z.string().optional(),
});

export type JdTokenResult = z.infer<typeof jdTokenResultSchema>;

/** The `password` form field: lower-case MD5 hex of the account password. */
export function jdPasswordHash(password: string): string {
  return md5Hex(password);
}

export interface JdTokenSignInput {
  clientSecret: string;
  timestamp: string;
  clientId: string;
  username: string;
  /** Already hashed with jdPasswordHash, as it goes in the form. */
  passwordHash: string;
  grantType?: string;
  scope?: string;
}

/**
 * `sign` of oauth2/accessToken: upper-case MD5 hex of
 * client_secret + timestamp + client_id + username + password + grant_type + scope + client_secret.
 */
export function jdTokenSign(input: JdTokenSignInput): string {
  const { clientSecret, timestamp, clientId, username, passwordHash, grantType = 'access_token', scope = '' } = input;
  return md5Hex(clientSecret + timestamp + clientId + username + passwordHash + grantType + scope + clientSecret).toUpperCase();
}
