import type { SerializedEvent } from '@supply-hub/contracts';

/** The pending events of one document (one aggregate), in the order they were written. */
export interface PendingOutbox<Ref> {
  /** Whatever the store needs to find the document again (and to detect that it changed meanwhile). */
  ref: Ref;
  entries: readonly SerializedEvent[];
}

/**
 * Where outbox entries wait: written in the same single-document write as the state change they
 * announce. Implementation: MongoOutboxStore in @supply-hub/mongo.
 */
export interface OutboxStore<Ref = unknown> {
  findPending(limit: number): Promise<PendingOutbox<Ref>[]>;
  /**
   * Removes exactly these entries from each document, as one batch for a whole relay pass; entries added
   * to a document since `findPending` stay (a writer may have appended more meanwhile), and its pending
   * flag is cleared only when nothing is left.
   */
  removePublished(published: readonly PublishedOutbox<Ref>[]): Promise<void>;
}

/** What a relay pass published of one document. */
export interface PublishedOutbox<Ref> {
  ref: Ref;
  eventIds: readonly string[];
}
