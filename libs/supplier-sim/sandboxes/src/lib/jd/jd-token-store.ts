import { randomBytes } from 'node:crypto';
import type { JdTokenResult } from '@supply-hub/supplier-protocols';

export type TokenCheck = 'valid' | 'unknown' | 'expired';

interface Issued {
  expiresAt: number;
}

/** Most tokens kept before expired ones are swept (tokens are per login, not per call). */
const SWEEP_ABOVE = 10_000;

/**
 * Access and refresh tokens of the JD sandbox, in memory. A refresh issues a new access token and
 * retires the old one; the refresh token stays until it expires (JD's refresh_token_expires).
 */
export class JdTokenStore {
  private readonly accessTokens = new Map<string, Issued>();
  private readonly refreshTokens = new Map<string, Issued>();

  constructor(
    private readonly ttl: { accessTokenTtlSeconds: number; refreshTokenTtlSeconds: number },
    private readonly clock: () => number,
  ) {}

  issue(): JdTokenResult {
    const refreshToken = token();
    const now = this.clock();
    this.refreshTokens.set(refreshToken, { expiresAt: now + this.ttl.refreshTokenTtlSeconds * 1000 });
    return this.issueAccess(refreshToken, now);
  }

  refresh(refreshToken: string): JdTokenResult | TokenCheck {
    const issued = this.refreshTokens.get(refreshToken);
    if (!issued) return 'unknown';
    const now = this.clock();
    if (issued.expiresAt <= now) return 'expired';
    return this.issueAccess(refreshToken, now);
  }

  check(accessToken: string | undefined): TokenCheck {
    const issued = accessToken ? this.accessTokens.get(accessToken) : undefined;
    if (!issued) return 'unknown';
    return issued.expiresAt <= this.clock() ? 'expired' : 'valid';
  }

  /** Every access token expires now (refresh tokens keep working): how tests force a refresh. */
  expireAccessTokens(): number {
    const now = this.clock();
    for (const issued of this.accessTokens.values()) issued.expiresAt = Math.min(issued.expiresAt, now);
    return this.accessTokens.size;
  }

  private issueAccess(refreshToken: string, now: number): JdTokenResult {
    if (this.accessTokens.size > SWEEP_ABOVE) this.sweep(now);
    const accessToken = token();
    const expiresIn = this.ttl.accessTokenTtlSeconds;
    this.accessTokens.set(accessToken, { expiresAt: now + expiresIn * 1000 });
    return {
      access_token: accessToken,
      refresh_token: refreshToken,
      expires_in: expiresIn,
      time: now,
      refresh_token_expires: (this.refreshTokens.get(refreshToken) as Issued).expiresAt,
    };
  }

  private sweep(now: number): void {
    for (const [key, issued] of this.accessTokens) if (issued.expiresAt <= now) this.accessTokens.delete(key);
    for (const [key, issued] of this.refreshTokens) if (issued.expiresAt <= now) this.refreshTokens.delete(key);
  }
}

function token(): string {
  return randomBytes(16).toString('hex');
}
