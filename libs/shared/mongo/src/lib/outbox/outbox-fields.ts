import type { SerializedEvent } from '@supply-hub/contracts';

/**
 * The fields a document carries when it has an outbox: the pending events announcing its changes,
 * written in the same single-document write as the change itself (no multi-document transactions).
 */
export const OUTBOX_FIELD = 'outbox';
/** True while `outbox` has entries; the relay's query (indexed). */
export const OUTBOX_PENDING_FIELD = 'outboxPending';
/**
 * Incremented by every write that touches `outbox`. The relay removes published entries with an update
 * guarded by the version it read, so entries a writer appended meanwhile are never removed unpublished.
 * (The natural alternative, `$pull` by event id, is a silent no-op on FerretDB 1.24.)
 */
export const OUTBOX_VERSION_FIELD = 'outboxVersion';

/** A pending event as stored: the serialized event plus when it was written. */
export interface OutboxEntry extends SerializedEvent {
  createdAt: Date;
}

export interface OutboxFields {
  outbox: OutboxEntry[];
  outboxPending: boolean;
  outboxVersion: number;
}
