import type { SerializedEvent } from '@supply-hub/contracts';
import type { OrderDocument, RoutingIntent } from '@supply-hub/orders-data-access';
import { InMemoryOrders } from './in-memory-orders';

/**
 * OrderStore's intake contract in memory (tenant-scoped read, insert that keeps the first order under an id,
 * intents), over InMemoryOrders' rows and events. A separate class because InMemoryOrders' own `get` is the
 * specs' unscoped accessor.
 */
export class InMemoryIntakeOrders {
  readonly intents = new Map<string, Omit<RoutingIntent, '_id'>>();
  inserts = 0;
  private intentsWritten = 0;

  constructor(readonly store = new InMemoryOrders()) {}

  async get(tenantId: string, orderId: string): Promise<OrderDocument | null> {
    const order = await this.store.getAny(orderId);
    return order?.tenantId === tenantId ? order : null;
  }

  getAny(orderId: string): Promise<OrderDocument | null> {
    return this.store.getAny(orderId);
  }

  async insert(order: OrderDocument, events: readonly SerializedEvent[]): Promise<{ created: boolean; order: OrderDocument }> {
    const existing = await this.store.getAny(order._id);
    if (existing) return { created: false, order: existing };
    this.store.put(order);
    this.store.events.push(...events);
    this.inserts++;
    return { created: true, order: structuredClone(order) };
  }

  async writeIntent(intent: Omit<RoutingIntent, '_id'>): Promise<string> {
    const id = `${intent.orderId}:${intent.operation}:${++this.intentsWritten}`;
    this.intents.set(id, intent);
    return id;
  }

  async dropIntent(intentId: string): Promise<void> {
    this.intents.delete(intentId);
  }
}
