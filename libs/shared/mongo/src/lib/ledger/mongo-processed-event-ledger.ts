import type { Collection, Db } from 'mongodb';
import { isDuplicateKeyError } from '../errors/duplicate-key';

/**
 * One event handled by one consumer group. The same shape as `ProcessedEvent` in @supply-hub/kafka,
 * repeated here because the Kafka lib's Nest module depends on this lib, not the other way round.
 */
export interface ProcessedEventRecord {
  consumerGroup: string;
  eventId: string;
  type: string;
  topic: string;
  partition: number;
  offset: string;
  processedAt: Date;
}

export const PROCESSED_EVENTS_COLLECTION = 'processed_events';
const UNIQUE_INDEX = 'consumer_group_event_id_unique';
/**
 * The processed-event ledger (ProcessedEventLedger of @supply-hub/kafka) in the service's own database.
 * A unique index on (consumer group, event id), built at start-up, makes a record exist at most once
 * even when two instances handle the same event during a rebalance.
 */
export class MongoProcessedEventLedger {
  private readonly collection: Collection<ProcessedEventRecord & { _id: string }>;

  constructor(db: Db, collectionName = PROCESSED_EVENTS_COLLECTION) {
    this.collection = db.collection<ProcessedEventRecord & { _id: string }>(collectionName);
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ consumerGroup: 1, eventId: 1 }, { unique: true, name: UNIQUE_INDEX });
  }

  async isProcessed(consumerGroup: string, eventId: string): Promise<boolean> {
    return (await this.collection.findOne({ _id: ledgerId(consumerGroup, eventId) }, { projection: { _id: 1 } })) !== null;
  }

  async markProcessed(event: ProcessedEventRecord): Promise<void> {
    try {
      await this.collection.insertOne({ _id: ledgerId(event.consumerGroup, event.eventId), ...event });
    } catch (error) {
      if (isDuplicateKeyError(error)) return;
      throw error;
    }
  }

  /** How many events this group has recorded: for tests and operators, not for request paths. */
  async countFor(consumerGroup: string, eventId?: string): Promise<number> {
    return this.collection.countDocuments(eventId === undefined ? { consumerGroup } : { consumerGroup, eventId });
  }
}

/**
 * The record's `_id`: group and event id together, because lookups by `_id` are the only ones that do
 * not scan the collection on FerretDB (docs/storage.md), and this one runs for every event consumed.
 */
function ledgerId(consumerGroup: string, eventId: string): string {
  return JSON.stringify([consumerGroup, eventId]);
}
