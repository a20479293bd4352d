import { Inject, Injectable, Optional } from '@nestjs/common';
import { apiKeyKindOf, apiKeyMatches, hashApiKey, type Principal, type StaffClaims, verifyStaffToken } from '@supply-hub/auth';
import { UnauthenticatedError } from '@supply-hub/errors';
import type { IncomingHttpHeaders } from 'node:http';
import { API_KEY_STORE, type ApiKeyStore, HTTP_AUTH_OPTIONS, type HttpAuthOptions } from './api-key-store';
import { credentialsOf } from './credentials';

/** Verified staff tokens kept, so a busy staff client does not pay an HMAC per request. */
const VERIFIED_TOKENS_KEPT = 1_000;

/** Turns request headers into a principal, or fails with UnauthenticatedError (→ 401). */
@Injectable()
export class PrincipalResolver {
  /** token → its verified claims, in insertion order (oldest first, dropped first). Checked for expiry on every use. */
  private readonly verified = new Map<string, StaffClaims>();

  constructor(
    @Inject(HTTP_AUTH_OPTIONS) private readonly options: HttpAuthOptions,
    @Optional() @Inject(API_KEY_STORE) private readonly keys?: ApiKeyStore,
  ) {}

  async resolve(headers: IncomingHttpHeaders): Promise<Principal> {
    const credentials = credentialsOf(headers);
    switch (credentials.type) {
      case 'none':
        throw new UnauthenticatedError('this route needs an X-Api-Key header or a bearer token');
      case 'api-key':
        return this.fromApiKey(credentials.key);
      case 'bearer':
        return this.fromStaffToken(credentials.token);
    }
  }

  private async fromApiKey(plaintext: string): Promise<Principal> {
    const claimedKind = apiKeyKindOf(plaintext);
    if (!claimedKind || !this.keys) throw new UnauthenticatedError('API key is not valid');
    const stored = await this.keys.findByHash(hashApiKey(plaintext));
    // One message for unknown, revoked and mismatched keys: the caller learns nothing about which.
    if (!stored || stored.revokedAt !== null || stored.kind !== claimedKind || !apiKeyMatches(plaintext, stored.hash)) {
      throw new UnauthenticatedError('API key is not valid');
    }
    return stored.kind === 'tenant'
      ? { kind: 'tenant', tenantId: stored.ownerId, keyId: stored.keyId }
      : { kind: 'warehouse', warehouseId: stored.ownerId, keyId: stored.keyId };
  }

  private async fromStaffToken(token: string): Promise<Principal> {
    if (!this.options.staffTokenSecret) throw new UnauthenticatedError('staff tokens are not accepted by this service');
    let claims = this.verified.get(token);
    if (claims === undefined || claims.exp * 1000 <= Date.now()) {
      this.verified.delete(token);
      claims = await verifyStaffToken(token, this.options.staffTokenSecret);
      if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, claims);
    }
    return { kind: 'staff', sub: claims.sub, roles: claims.roles };
  }
}
