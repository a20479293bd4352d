import { insertMissing, TenantScopedRepository } from '@supply-hub/mongo';
import type { Model, UpdateQuery } from 'mongoose';
import { type DeliveryStatus, seqIdOf, type WebhookDeliveryDocument, type WebhookDeliverySeqDocument } from './webhook-delivery.schema';

/** A delivery as listed: the record without its body and attempts. */
export type DeliverySummary = Omit<WebhookDeliveryDocument, 'body' | 'attempts'>;

export interface DeliveryPage {
  items: DeliverySummary[];
  /** Pass as `beforeSeq` for the next (older) page; null when this page reached the first delivery. */
  nextBeforeSeq: number | null;
}

/** Windows of seq numbers read per page at most: gaps (numbers taken by a duplicate dispatch) are rare. */
const MAX_PAGE_ROUNDS = 4;

/**
 * The delivery log (`webhook_deliveries`) and its per-endpoint numbering (`webhook_delivery_seq`). Mall
 * reads are tenant-scoped by the base class; the worker's reads and writes go by `_id` alone.
 */
export class WebhookDeliveryRepository extends TenantScopedRepository<WebhookDeliveryDocument> {
  constructor(
    model: Model<WebhookDeliveryDocument>,
    private readonly seqModel: Model<WebhookDeliverySeqDocument>,
  ) {
    super(model, 'webhook delivery');
  }

  async findByIds(ids: readonly string[]): Promise<WebhookDeliveryDocument[]> {
    if (ids.length === 0) return [];
    return (await this.model
      .find({ _id: { $in: [...ids] } })
      .lean()
      .exec()) as WebhookDeliveryDocument[];
  }

  async findById(id: string): Promise<WebhookDeliveryDocument | null> {
    return (await this.model.findOne({ _id: id }).lean().exec()) as WebhookDeliveryDocument | null;
  }

  /** Inserts the records that do not exist yet; an existing `_id` (a concurrent or repeated dispatch) is kept as it is. */
  async insertMissing(records: readonly WebhookDeliveryDocument[]): Promise<void> {
    await insertMissing(this.model.collection, records);
  }

  async numberDeliveries(entries: readonly { endpointId: string; seq: number; deliveryId: string }[]): Promise<void> {
    await insertMissing(
      this.seqModel.collection,
      entries.map((entry) => ({ _id: seqIdOf(entry.endpointId, entry.seq), deliveryId: entry.deliveryId })),
    );
  }

  /**
   * Writes the outcome of an attempt if nobody recorded another attempt meanwhile (`attemptCount` as
   * read): a worker whose lease ran out while it was sending cannot overwrite its successor's record.
   */
  async recordAttempt(id: string, expectedAttemptCount: number, update: UpdateQuery<WebhookDeliveryDocument>): Promise<boolean> {
    const result = await this.model.updateOne({ _id: id, attemptCount: expectedAttemptCount, status: 'pending' }, update).exec();
    return result.matchedCount === 1;
  }

  /** Fails a pending delivery that can no longer be attempted (its endpoint was disabled or deleted). */
  async abandon(id: string, reason: string, at: Date): Promise<boolean> {
    const result = await this.model
      .updateOne({ _id: id, status: 'pending' }, { $set: { status: 'failed', failedAt: at, lastError: reason, nextAttemptAt: null, updatedAt: at } })
      .exec();
    return result.matchedCount === 1;
  }

  /** Makes a delivered or failed delivery pending again (a manual retry), if it is still as the caller read it. */
  async reopen(tenantId: string, id: string, seen: { status: DeliveryStatus; attemptCount: number }, at: Date): Promise<boolean> {
    return this.updateOne(
      tenantId,
      { _id: id, status: seen.status, attemptCount: seen.attemptCount },
      { $set: { status: 'pending', nextAttemptAt: at, deliveredAt: null, failedAt: null, updatedAt: at } },
    );
  }

  /**
   * An endpoint's deliveries, newest first: reads seq numbers `beforeSeq - 1` downwards by `_id`, then
   * the records by `_id`, skipping numbers that lead nowhere (a dispatch that crashed or lost a race).
   */
  async page(tenantId: string, endpointId: string, beforeSeq: number, limit: number): Promise<DeliveryPage> {
    const items: DeliverySummary[] = [];
    let top = beforeSeq - 1;
    for (let round = 0; round < MAX_PAGE_ROUNDS && items.length < limit && top >= 1; round++) {
      const seqs = Array.from({ length: Math.min(limit - items.length, top) }, (_, i) => top - i);
      const entries = (await this.seqModel
        .find({ _id: { $in: seqs.map((seq) => seqIdOf(endpointId, seq)) } })
        .lean()
        .exec()) as WebhookDeliverySeqDocument[];
      const records = await this.model
        .find({ _id: { $in: entries.map((entry) => entry.deliveryId) } }, { body: 0, attempts: 0 })
        .lean()
        .exec();
      const byId = new Map((records as DeliverySummary[]).map((record) => [record._id, record]));
      const bySeq = new Map(entries.map((entry) => [entry._id, entry.deliveryId]));
      for (const seq of seqs) {
        const record = byId.get(bySeq.get(seqIdOf(endpointId, seq)) ?? '');
        // The record names its own number: of two numbers given to one delivery, only that one lists it.
        if (record && record.seq === seq && record.tenantId === tenantId && record.endpointId === endpointId) items.push(record);
      }
      top -= seqs.length;
    }
    return { items, nextBeforeSeq: top >= 1 ? top + 1 : null };
  }
}
