import { API_KEY_KINDS, type ApiKeyKind } from '@supply-hub/auth';
import { Schema } from 'mongoose';
import { type ModelDefinition, SCHEMA_OPTIONS } from '../connection/model-definition';

/** A tenant or warehouse API key, stored by hash only; the plaintext was shown once at creation. */
export interface ApiKeyDocument {
  /** The key id (`key_...`), public and used to list and revoke. */
  _id: string;
  /** SHA-256 hex of the key: the per-request lookup (see @supply-hub/auth hashApiKey). */
  hash: string;
  kind: ApiKeyKind;
  /** Exactly one of tenantId / warehouseId is set, matching `kind`. */
  tenantId?: string;
  warehouseId?: string;
  label?: string;
  createdAt: Date;
  revokedAt: Date | null;
}

const apiKeySchema = new Schema<ApiKeyDocument>(
  {
    _id: { type: String, required: true },
    hash: { type: String, required: true },
    kind: { type: String, enum: API_KEY_KINDS, required: true },
    tenantId: { type: String },
    warehouseId: { type: String },
    label: { type: String },
    createdAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
  },
  { ...SCHEMA_OPTIONS, collection: 'api_keys' },
);
apiKeySchema.index({ hash: 1 }, { unique: true });

export const API_KEY_MODEL: ModelDefinition<ApiKeyDocument> = { name: 'ApiKey', schema: apiKeySchema };
