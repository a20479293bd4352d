import { type HttpClient, type TimeSource } from '@supply-hub/http-client';
import {
  formatBeijingTime,
  isJdTokenRejected,
  JD_PATHS,
  type JdEnvelope,
  jdEnvelopeSchema,
  jdMethodName,
  type JdPath,
  jdPasswordHash,
  jdTokenResultSchema,
  jdTokenSign,
  type JdTokenResult,
} from '@supply-hub/supplier-protocols';
import type { z } from 'zod';
import { SupplierAnswerMalformedError, SupplierRefusedError } from '../supplier-errors';
import { zodProblem } from '../zod-problem';
import type { JdConnectionConfig } from './jd-connection-config';

interface HeldToken {
  accessToken: string;
  refreshToken: string;
  expiresAtMs: number;
  refreshExpiresAtMs: number;
}

/** The answer of one call, before its `result` is read: the caller decides what a bad result means. */
export interface JdAnswer {
  envelope: JdEnvelope;
  endpoint: string;
}

/** Per call: overrides of the HTTP client's settings. */
export interface JdCallOptions {
  /**
   * Tries in all; 1 for a call that must not be repeated blindly (submitOrder: after a lost answer the
   * caller looks the order up by thirdOrder first).
   */
  maxAttempts?: number;
  timeoutMs?: number;
}

/** What JdClient needs of a JD connection's configuration. */
export type JdClientConfig = Pick<JdConnectionConfig, 'id' | 'credentials' | 'tokenRenewBeforeMs'>;

/**
 * JD's calls with the token handled: fetched (signed) on first use, renewed shortly before it expires
 * (refreshToken while the refresh token lives, else a new accessToken), and on a "bad token" answer
 * renewed once and the call repeated once. Concurrent callers share one renewal.
 */
export class JdClient {
  private token: HeldToken | undefined;
  private renewal: Promise<HeldToken> | undefined;

  constructor(
    private readonly config: JdClientConfig,
    private readonly http: HttpClient,
    private readonly time: Pick<TimeSource, 'now'>,
  ) {}

  /** The source id this client calls for (`jd`): the prefix of its endpoint names. */
  get sourceId(): string {
    return this.config.id;
  }

  /** Calls a business method and returns its `result`, read with `schema`; throws on refusal or a bad answer. */
  async call<S extends z.ZodType>(
    path: JdPath,
    fields: Record<string, string>,
    schema: S,
    signal?: AbortSignal,
    options: JdCallOptions = {},
  ): Promise<z.output<S>> {
    const { envelope, endpoint } = await this.answer(path, fields, signal, options);
    if (!envelope.success) throw new SupplierRefusedError(this.config.id, endpoint, envelope.resultCode, envelope.resultMessage ?? '');
    const result = schema.safeParse(envelope.result);
    if (!result.success) throw new SupplierAnswerMalformedError(this.config.id, endpoint, `result: ${zodProblem(result.error)}`);
    return result.data;
  }

  /** The envelope of a business call, token renewed and the call repeated once if JD rejected the token. */
  async answer(path: JdPath, fields: Record<string, string>, signal?: AbortSignal, options: JdCallOptions = {}): Promise<JdAnswer> {
    const endpoint = `${this.config.id}:${jdMethodName(path)}`;
    const token = await this.validToken(signal);
    let envelope = await this.post(endpoint, path, { token: token.accessToken, ...fields }, signal, options);
    // A refused token means the call was not carried out, so repeating it is safe even for submitOrder.
    if (isJdTokenRejected(envelope)) {
      const renewed = await this.renew(token, signal);
      envelope = await this.post(endpoint, path, { token: renewed.accessToken, ...fields }, signal, options);
    }
    return { envelope, endpoint };
  }

  private async validToken(signal?: AbortSignal): Promise<HeldToken> {
    const token = this.token;
    if (token && this.time.now() < token.expiresAtMs - this.config.tokenRenewBeforeMs) return token;
    return this.renew(token, signal);
  }

  /**
   * Replaces `stale` (the token a caller saw fail or expire). If another caller already replaced it, the
   * newer token is used as it is: twenty calls failing with one expired token make one renewal.
   */
  private renew(stale: HeldToken | undefined, signal?: AbortSignal): Promise<HeldToken> {
    if (this.token && this.token !== stale) return Promise.resolve(this.token);
    this.renewal ??= this.fetchToken(stale, signal)
      .then((token) => (this.token = token))
      .finally(() => (this.renewal = undefined));
    return this.renewal;
  }

  private async fetchToken(stale: HeldToken | undefined, signal?: AbortSignal): Promise<HeldToken> {
    if (stale && this.time.now() < stale.refreshExpiresAtMs) {
      try {
        return await this.tokenCall(JD_PATHS.refreshToken, this.refreshForm(stale), signal);
      } catch (error) {
        // A refused refresh (revoked, or the sandbox restarted) falls back to signing in again.
        if (!(error instanceof SupplierRefusedError)) throw error;
      }
    }
    return this.tokenCall(JD_PATHS.accessToken, this.accessTokenForm(), signal);
  }

  private accessTokenForm(): Record<string, string> {
    const { clientId, clientSecret, username, password } = this.config.credentials;
    const timestamp = formatBeijingTime(this.time.now());
    const passwordHash = jdPasswordHash(password);
    const sign = jdTokenSign({ clientSecret, timestamp, clientId, username, passwordHash, grantType: 'access_token', scope: '' });
    return { grant_type: 'access_token', client_id: clientId, client_secret: clientSecret, timestamp, username, password: passwordHash, scope: '', sign };
  }

  private refreshForm(stale: HeldToken): Record<string, string> {
    const { clientId, clientSecret } = this.config.credentials;
    return { refresh_token: stale.refreshToken, client_id: clientId, client_secret: clientSecret };
  }

  private async tokenCall(path: JdPath, form: Record<string, string>, signal?: AbortSignal): Promise<HeldToken> {
    const endpoint = `${this.config.id}:${jdMethodName(path)}`;
    const envelope = await this.post(endpoint, path, form, signal);
    if (!envelope.success) throw new SupplierRefusedError(this.config.id, endpoint, envelope.resultCode, envelope.resultMessage ?? '');
    const parsed = jdTokenResultSchema.safeParse(envelope.result);
    if (!parsed.success) throw new SupplierAnswerMalformedError(this.config.id, endpoint, `result: ${zodProblem(parsed.error)}`);
    return heldTokenOf(parsed.data, this.time.now());
  }

  private async post(endpoint: string, path: JdPath, form: Record<string, string>, signal?: AbortSignal, options: JdCallOptions = {}): Promise<JdEnvelope> {
    const response = await this.http.request({ endpoint, method: 'POST', path, form, responseType: 'json', signal, ...options });
    const envelope = jdEnvelopeSchema.safeParse(response.data);
    if (!envelope.success) throw new SupplierAnswerMalformedError(this.config.id, endpoint, `envelope: ${zodProblem(envelope.error)}`);
    return envelope.data;
  }
}

function heldTokenOf(result: JdTokenResult, nowMs: number): HeldToken {
  // `time` is JD's clock at issue; counting expires_in from our own clock keeps skew out of the renewal.
  return {
    accessToken: result.access_token,
    refreshToken: result.refresh_token,
    expiresAtMs: nowMs + result.expires_in * 1000,
    refreshExpiresAtMs: result.refresh_token_expires - result.time + nowMs,
  };
}
