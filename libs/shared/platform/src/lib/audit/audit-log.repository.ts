import { insertMissing } from '@supply-hub/mongo';
import type { Model } from 'mongoose';
import type { AuditEntryDocument } from './audit-entry';
import { AUDIT_SORT, type AuditFilter, auditQueryOf } from './audit-query';

/**
 * The `audit_log` collection. Append-only by construction: it can add entries and read them, and has
 * no way to change or remove one. An entry whose `_id` exists already (the same request's entry written
 * again) is left as it was first written.
 */
export class AuditLogRepository {
  constructor(private readonly model: Model<AuditEntryDocument>) {}

  async append(entry: AuditEntryDocument): Promise<void> {
    await insertMissing(this.model.collection, [entry]);
  }

  async appendMany(entries: readonly AuditEntryDocument[]): Promise<void> {
    await insertMissing(this.model.collection, entries);
  }

  /** Entries matching `filter`, newest first, at most `limit`. */
  async find(filter: AuditFilter, limit: number): Promise<AuditEntryDocument[]> {
    return (await this.model.find(auditQueryOf(filter)).sort(AUDIT_SORT).limit(limit).lean().exec()) as AuditEntryDocument[];
  }

  /** By id: for a caller checking what was kept (tests, a retried write). */
  async findById(id: string): Promise<AuditEntryDocument | null> {
    return (await this.model.findOne({ _id: id }).lean().exec()) as AuditEntryDocument | null;
  }
}
