/** What a consumer did with the messages it read; exposed for metrics and asserted on by tests. */
export interface ConsumerStats {
  handled: number;
  /** Already in the ledger for this group: skipped without running the handler. */
  duplicates: number;
  /** An event type this consumer has no handler for (other consumers of the topic may). */
  ignored: number;
  /** Handler runs after the first one. */
  retries: number;
  deadLettered: number;
}

export function emptyConsumerStats(): ConsumerStats {
  return { handled: 0, duplicates: 0, ignored: 0, retries: 0, deadLettered: 0 };
}
