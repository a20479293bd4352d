/** One event handled by one consumer group. */
export interface ProcessedEvent {
  consumerGroup: string;
  eventId: string;
  type: string;
  topic: string;
  partition: number;
  offset: string;
  processedAt: Date;
}

/**
 * Remembers which events a consumer group has handled, so a redelivered event (at-least-once delivery,
 * an outbox relayed twice, a rebalance mid-batch) does not run its handler again.
 * Implementations: MongoProcessedEventLedger in @supply-hub/mongo; an in-memory one for unit tests.
 */
export interface ProcessedEventLedger {
  isProcessed(consumerGroup: string, eventId: string): Promise<boolean>;
  /** Recording an event that is already recorded is not an error (two instances may race after a rebalance). */
  markProcessed(event: ProcessedEvent): Promise<void>;
}
