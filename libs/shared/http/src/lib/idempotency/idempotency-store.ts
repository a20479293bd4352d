/** One idempotency key of one caller, as stored (persistence lives in @supply-hub/mongo). */
export interface IdempotencyRecord {
  /** Whose key this is (`tenant:mall-1`): keys are scoped per caller, never global. */
  owner: string;
  key: string;
  /** Hash of method, route and canonical body: tells "same request again" from "key reused". */
  fingerprint: string;
  state: 'pending' | 'completed';
  /** When the current holder claimed the key; a pending claim older than the lease is abandoned. */
  claimedAt: Date;
  /** After this the key may be used afresh. */
  expiresAt: Date;
  response?: StoredResponse;
}

export interface StoredResponse {
  status: number;
  /** JSON text: a body may hold keys (with `.` or `$`) that a document could not. */
  body: string;
}

export type ClaimResult = { claimed: true } | { claimed: false; existing: IdempotencyRecord };

export interface IdempotencyStore {
  /** Inserts a pending record; if (owner, key) exists already, returns that record instead. */
  claim(record: Omit<IdempotencyRecord, 'state' | 'response'>): Promise<ClaimResult>;
  /** Replaces an abandoned or expired record, only if it is still exactly the one seen. */
  takeOver(seen: IdempotencyRecord, fresh: Pick<IdempotencyRecord, 'fingerprint' | 'claimedAt' | 'expiresAt'>): Promise<boolean>;
  /** Stores the first answer, for the holder that claimed at `claimedAt`. */
  complete(owner: string, key: string, claimedAt: Date, response: StoredResponse): Promise<void>;
  /** Gives the key back after a failure, so the caller can retry with it. */
  release(owner: string, key: string, claimedAt: Date): Promise<void>;
}

export const IDEMPOTENCY_STORE = Symbol('IdempotencyStore');
