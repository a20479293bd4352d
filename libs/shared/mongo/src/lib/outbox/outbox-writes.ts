import type { SerializedEvent } from '@supply-hub/contracts';
import { OUTBOX_FIELD, OUTBOX_PENDING_FIELD, OUTBOX_VERSION_FIELD, type OutboxEntry, type OutboxFields } from './outbox-fields';

/** A MongoDB update document: operators (`$set`, `$inc`, ...) mapping field paths to values. */
export type UpdateOperators = { [operator: `$${string}`]: Record<string, unknown> | undefined };

export function outboxEntriesOf(events: readonly SerializedEvent[], now: Date = new Date()): OutboxEntry[] {
  return events.map((event) => ({ ...event, createdAt: now }));
}

/** A new document together with the events announcing it, for one `insertOne`. */
export function insertWithOutbox<D extends object>(document: D, events: readonly SerializedEvent[], now: Date = new Date()): D & OutboxFields {
  assertNoOutboxFields(Object.keys(document));
  const outbox = outboxEntriesOf(events, now);
  return { ...document, outbox, outboxPending: outbox.length > 0, outboxVersion: 1 };
}

/**
 * Adds events to an update, so the state change and its events are one single-document write: the
 * entries are appended (`$push` with `$each`), the pending flag set and the outbox version bumped.
 * Use it with `updateOne` / `findOneAndUpdate` and whatever guard the change needs in the filter.
 */
export function updateWithOutbox<U extends UpdateOperators>(update: U, events: readonly SerializedEvent[], now: Date = new Date()): U {
  if (events.length === 0) return update;
  for (const operator of Object.keys(update)) assertNoOutboxFields(Object.keys(update[operator as `$${string}`] ?? {}));
  return {
    ...update,
    $set: { ...update.$set, [OUTBOX_PENDING_FIELD]: true },
    $push: { ...update.$push, [OUTBOX_FIELD]: { $each: outboxEntriesOf(events, now) } },
    $inc: { ...update.$inc, [OUTBOX_VERSION_FIELD]: 1 },
  };
}

const OUTBOX_FIELDS = new Set([OUTBOX_FIELD, OUTBOX_PENDING_FIELD, OUTBOX_VERSION_FIELD]);

function assertNoOutboxFields(paths: string[]): void {
  const clash = paths.find((path) => OUTBOX_FIELDS.has(path.split('.')[0]));
  if (clash !== undefined) throw new Error(`${clash} is managed by the outbox helpers; do not write it directly`);
}
