import { type ChangeRound, JD_SOURCE } from '@supply-hub/sim-catalog-data';
import { formatBeijingTime, JD_MESSAGE_TYPES, JD_POOL_MESSAGE_STATES, JD_SKU_STATES, type JdMessage } from '@supply-hub/supplier-protocols';

/** The most messages one message/get answers (the rest come on later calls). */
export const JD_MESSAGES_PER_GET = 100;

/**
 * JD's pulled change messages: every change round that touches JD SKUs queues messages (2 price, 4
 * delisted, 6 added to a pool, 16 detail changed; stock-outs queue nothing, as on JD), and orders queue
 * theirs (5 delivered or rejected, 10 cancelled; see JdOrderBook). A message stays
 * until message/del names it, so an unacknowledged one comes back on every message/get.
 */
export class JdMessageQueue {
  private readonly messages = new Map<string, JdMessage>();
  private nextId = 1;

  constructor(private readonly poolOf: (index: number) => string) {}

  /** Queues the JD part of a change round. */
  enqueue(round: ChangeRound): number {
    let queued = 0;
    for (const change of round.changes) {
      if (change.sourceId !== JD_SOURCE.id) continue;
      const skuId = Number(change.externalId);
      const time = formatBeijingTime(change.at);
      switch (change.kind) {
        case 'price':
          this.push(JD_MESSAGE_TYPES.priceChanged, time, { skuId });
          break;
        case 'delisting':
          this.push(JD_MESSAGE_TYPES.listingChanged, time, { skuId, state: JD_SKU_STATES.delisted });
          break;
        case 'new-sku':
          this.push(JD_MESSAGE_TYPES.poolChanged, time, { skuId, page_num: this.poolOf(change.index), state: JD_POOL_MESSAGE_STATES.added });
          break;
        case 'detail':
          this.push(JD_MESSAGE_TYPES.productChanged, time, { skuId });
          break;
        case 'stock-out':
          continue;
      }
      queued++;
    }
    return queued;
  }

  /** Queues an order message: type 5 (delivered or rejected, `{orderId, state}`) or 10 (cancelled, `{orderId}`). */
  enqueueOrder(type: number, at: number, result: Record<string, unknown>): void {
    this.push(type, formatBeijingTime(at), result);
  }

  /** The oldest undeleted messages of the given types. */
  get(types: readonly number[]): JdMessage[] {
    const wanted = new Set(types);
    const result: JdMessage[] = [];
    for (const message of this.messages.values()) {
      if (!wanted.has(message.type)) continue;
      result.push(message);
      if (result.length >= JD_MESSAGES_PER_GET) break;
    }
    return result;
  }

  /** Deletes the named messages; unknown ids are ignored (a repeated delete is harmless). */
  delete(ids: readonly string[]): number {
    let deleted = 0;
    for (const id of ids) if (this.messages.delete(id)) deleted++;
    return deleted;
  }

  get size(): number {
    return this.messages.size;
  }

  clear(): void {
    this.messages.clear();
    this.nextId = 1;
  }

  private push(type: number, time: string, result: Record<string, unknown>): void {
    const id = String(this.nextId++);
    this.messages.set(id, { id, type, time, result });
  }
}
