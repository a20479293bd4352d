import { type ModelDefinition, SCHEMA_OPTIONS } from '@supply-hub/mongo';
import { Schema } from 'mongoose';
import { AUDIT_ACTOR_KINDS, type AuditEntryDocument } from './audit-entry';

export const AUDIT_LOG_COLLECTION = 'audit_log';

/**
 * `audit_log`: append-only. Nothing in the code base updates or deletes an entry (the repository has no
 * such method), and it is never pruned: the log is the record of who did what.
 */
const auditEntrySchema = new Schema<AuditEntryDocument>(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
    actor: {
      type: new Schema(
        {
          kind: { type: String, enum: AUDIT_ACTOR_KINDS, required: true },
          sub: { type: String, required: true },
          roles: { type: [String], default: undefined },
        },
        { _id: false },
      ),
      required: true,
    },
    action: { type: String, required: true },
    entity: { type: new Schema({ kind: { type: String, required: true }, id: { type: String, required: true } }, { _id: false }), required: true },
    beforeJson: { type: String },
    afterJson: { type: String },
    reason: { type: String },
    requestId: { type: String },
  },
  { ...SCHEMA_OPTIONS, collection: AUDIT_LOG_COLLECTION },
);
// The /audit filters, newest first with the id breaking ties (the page cursor). MongoDB serves them from
// these indexes; FerretDB only uses `_id` lookups and scans the log (docs/storage.md), which staff
// queries can afford while the log is small.
auditEntrySchema.index({ 'entity.kind': 1, 'entity.id': 1, at: -1, _id: -1 });
auditEntrySchema.index({ 'actor.sub': 1, at: -1, _id: -1 });
auditEntrySchema.index({ action: 1, at: -1, _id: -1 });
auditEntrySchema.index({ at: -1, _id: -1 });

export const AUDIT_ENTRY_MODEL: ModelDefinition<AuditEntryDocument> = { name: 'AuditEntry', schema: auditEntrySchema };
