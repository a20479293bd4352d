import type { SerializedEvent } from '@supply-hub/contracts';
import type { OrderDocument } from '@supply-hub/orders-data-access';
import type { Order } from '@supply-hub/orders-domain';

/**
 * OrderStore's read and guarded-write contract in memory, for the use cases' specs: reads hand out copies,
 * and a write applies only at the version it was read at (as OrderStore.update), keeping its events.
 */
export class InMemoryOrders {
  readonly rows = new Map<string, OrderDocument>();
  readonly events: SerializedEvent[] = [];
  writes = 0;
  /** Called before each write: a spec changes the stored order here to play a concurrent writer. */
  beforeWrite: ((orderId: string) => void) | undefined;

  put(order: OrderDocument): void {
    this.rows.set(order._id, structuredClone(order));
  }

  get(orderId: string): OrderDocument {
    const order = this.rows.get(orderId);
    if (!order) throw new Error(`no order ${orderId}`);
    return structuredClone(order);
  }

  async getAny(orderId: string): Promise<OrderDocument | null> {
    const order = this.rows.get(orderId);
    return order ? structuredClone(order) : null;
  }

  async update(
    orderId: string,
    version: number,
    changes: Partial<Omit<OrderDocument, '_id' | 'version' | 'tenantId' | 'timeline'>>,
    timeline: Order['timeline'],
    events: readonly SerializedEvent[],
  ): Promise<boolean> {
    this.beforeWrite?.(orderId);
    const current = this.rows.get(orderId);
    if (!current || current.version !== version) return false;
    this.rows.set(orderId, structuredClone({ ...current, ...changes, version: version + 1, timeline: [...current.timeline, ...timeline] }));
    this.events.push(...events);
    this.writes++;
    return true;
  }

  /** The data of the events written so far, of one type. */
  eventData<T = Record<string, unknown>>(type: string): T[] {
    return this.events.filter((event) => event.type === type).map((event) => (JSON.parse(event.value) as { data: T }).data);
  }
}
