import type { ApiKeyKind } from '@supply-hub/auth';

/** What the guard needs to know about a stored key; persistence lives in @supply-hub/mongo. */
export interface StoredApiKey {
  keyId: string;
  kind: ApiKeyKind;
  /** The tenant id for a tenant key, the warehouse id for a warehouse key. */
  ownerId: string;
  hash: string;
  revokedAt: Date | null;
}

export interface ApiKeyStore {
  findByHash(hash: string): Promise<StoredApiKey | null>;
}

export const API_KEY_STORE = Symbol('ApiKeyStore');

/** Settings of the auth guard; the platform fills them from the service config. */
export interface HttpAuthOptions {
  /** HS256 key for staff bearer tokens; without it every bearer token is rejected. */
  staffTokenSecret?: string;
}

export const HTTP_AUTH_OPTIONS = Symbol('HttpAuthOptions');
