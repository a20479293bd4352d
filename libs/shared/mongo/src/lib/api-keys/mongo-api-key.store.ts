import type { ApiKeyKind } from '@supply-hub/auth';
import type { ApiKeyStore, StoredApiKey } from '@supply-hub/http';
import type { Model } from 'mongoose';
import type { ApiKeyDocument } from './api-key.schema';

export interface NewApiKey {
  keyId: string;
  hash: string;
  kind: ApiKeyKind;
  ownerId: string;
  label?: string;
  createdAt: Date;
}

/** A key as an admin listing shows it. */
export interface ApiKeyListing extends StoredApiKey {
  label?: string;
  createdAt: Date;
}

/** The `api_keys` collection: lookups for the auth guard, and the CLI's create / list / revoke. */
export class MongoApiKeyStore implements ApiKeyStore {
  constructor(private readonly model: Model<ApiKeyDocument>) {}

  async findByHash(hash: string): Promise<StoredApiKey | null> {
    const document = (await this.model.findOne({ hash }).lean().exec()) as ApiKeyDocument | null;
    return document ? toStored(document) : null;
  }

  async insert(key: NewApiKey): Promise<void> {
    await this.model.create({
      _id: key.keyId,
      hash: key.hash,
      kind: key.kind,
      ...(key.kind === 'tenant' ? { tenantId: key.ownerId } : { warehouseId: key.ownerId }),
      label: key.label,
      createdAt: key.createdAt,
      revokedAt: null,
    });
  }

  /** Every key, revoked ones included, oldest first: an admin listing, not a per-request query. */
  async list(): Promise<ApiKeyListing[]> {
    const documents = (await this.model.find({}).sort({ createdAt: 1 }).lean().exec()) as ApiKeyDocument[];
    return documents.map(toStored);
  }

  /** Marks the key revoked; false if there is no such key or it was revoked already. */
  async revoke(keyId: string, at: Date): Promise<boolean> {
    const result = await this.model.updateOne({ _id: keyId, revokedAt: null }, { $set: { revokedAt: at } }).exec();
    return result.modifiedCount === 1;
  }
}

function toStored(document: ApiKeyDocument): ApiKeyListing {
  return {
    keyId: document._id,
    kind: document.kind,
    ownerId: (document.kind === 'tenant' ? document.tenantId : document.warehouseId) ?? '',
    hash: document.hash,
    revokedAt: document.revokedAt ?? null,
    label: document.label,
    createdAt: document.createdAt,
  };
}
