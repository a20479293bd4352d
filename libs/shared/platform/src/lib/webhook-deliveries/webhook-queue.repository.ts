import type { Model } from 'mongoose';
import type { WebhookQueueDocument } from './webhook-delivery.schema';

/** Free to claim: a lease that ended at the epoch. */
const UNLEASED = new Date(0);

export type QueueEntryInput = Omit<WebhookQueueDocument, 'leaseToken' | 'leaseUntil'>;

/**
 * `webhook_queue`: the deliveries still to be attempted, and only those (an entry is deleted when its
 * delivery is done), so polling it stays cheap however long the log grows. Claims are conditional
 * single-document updates: atomic on MongoDB and on FerretDB with our patch, so two workers never hold
 * one entry at once.
 */
export class WebhookQueueRepository {
  constructor(private readonly model: Model<WebhookQueueDocument>) {}

  /** Adds entries that are not queued yet; an entry already there (possibly being sent) is left alone. */
  async enqueue(entries: readonly QueueEntryInput[]): Promise<void> {
    if (entries.length === 0) return;
    await this.model.bulkWrite(
      entries.map((entry) => {
        const { _id, ...fields } = entry;
        return { updateOne: { filter: { _id }, update: { $setOnInsert: { ...fields, leaseToken: null, leaseUntil: UNLEASED } }, upsert: true } };
      }),
      { ordered: false },
    );
  }

  /**
   * Queues a finished delivery again (a manual retry), replacing any leftover entry and its claim: a worker
   * still holding that claim then fails its guarded writes instead of deleting this entry.
   */
  async requeue(entry: QueueEntryInput): Promise<void> {
    const { _id, ...fields } = entry;
    await this.model.updateOne({ _id }, { $set: { ...fields, leaseToken: null, leaseUntil: UNLEASED } }, { upsert: true }).exec();
  }

  /** Moves a queued delivery's next attempt to `at`; false when it is not queued. */
  async expedite(id: string, at: Date): Promise<boolean> {
    const result = await this.model.updateOne({ _id: id }, { $set: { dueAt: at } }).exec();
    return result.matchedCount === 1;
  }

  /** Entries due and unclaimed at `now`, earliest first (a scan of this small collection, an index on MongoDB). */
  async due(now: Date, limit: number): Promise<WebhookQueueDocument[]> {
    return (await this.model
      .find({ dueAt: { $lte: now }, leaseUntil: { $lte: now } })
      .sort({ dueAt: 1 })
      .limit(limit)
      .lean()
      .exec()) as WebhookQueueDocument[];
  }

  /** Takes the entry for `leaseMs` if it is still due and unclaimed; null when another worker was first. */
  async claim(id: string, token: string, now: Date, leaseMs: number): Promise<WebhookQueueDocument | null> {
    return (await this.model
      .findOneAndUpdate(
        { _id: id, dueAt: { $lte: now }, leaseUntil: { $lte: now } },
        { $set: { leaseToken: token, leaseUntil: new Date(now.getTime() + leaseMs) } },
        { returnDocument: 'after' },
      )
      .lean()
      .exec()) as WebhookQueueDocument | null;
  }

  /** Releases the claim with the next attempt due at `dueAt`; false when the claim was lost. */
  async reschedule(id: string, token: string, dueAt: Date): Promise<boolean> {
    const result = await this.model.updateOne({ _id: id, leaseToken: token }, { $set: { dueAt, leaseToken: null, leaseUntil: UNLEASED } }).exec();
    return result.matchedCount === 1;
  }

  /** Removes a claimed entry whose delivery is done. */
  async complete(id: string, token: string): Promise<void> {
    await this.model.deleteOne({ _id: id, leaseToken: token }).exec();
  }

  async depth(): Promise<number> {
    return this.model.countDocuments({}).exec();
  }
}
