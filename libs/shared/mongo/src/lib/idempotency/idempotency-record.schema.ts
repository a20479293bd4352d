import type { IdempotencyRecord } from '@supply-hub/http';
import { Schema } from 'mongoose';
import { type ModelDefinition, SCHEMA_OPTIONS } from '../connection/model-definition';

/** `_id` is `idempotencyRecordId(owner, key)`: per-request lookups go by `_id` (docs/storage.md). */
export type IdempotencyDocument = IdempotencyRecord & { _id: string };

export function idempotencyRecordId(owner: string, key: string): string {
  return JSON.stringify([owner, key]);
}

const idempotencySchema = new Schema<IdempotencyDocument>(
  {
    _id: { type: String, required: true },
    owner: { type: String, required: true },
    key: { type: String, required: true },
    fingerprint: { type: String, required: true },
    state: { type: String, enum: ['pending', 'completed'], required: true },
    claimedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    response: { type: new Schema({ status: Number, body: String }, { _id: false }), required: false },
  },
  { ...SCHEMA_OPTIONS, collection: 'idempotency_keys' },
);
// The claim: the second insert of the same (caller, key) fails on `_id`, so only one request runs.
// For purgeExpired. Not a TTL index: FerretDB 1.24 does not implement expireAfterSeconds. Expiry is
// decided by comparing expiresAt anyway, so a record that is not purged yet changes nothing.
idempotencySchema.index({ expiresAt: 1 });

export const IDEMPOTENCY_MODEL: ModelDefinition<IdempotencyDocument> = { name: 'IdempotencyRecord', schema: idempotencySchema };
