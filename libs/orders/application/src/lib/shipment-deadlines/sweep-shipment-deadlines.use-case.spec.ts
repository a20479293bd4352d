import { type SerializedEvent, ShipmentSlaFlagged } from '@supply-hub/contracts';
import { ConflictError } from '@supply-hub/errors';
import type { OrderDocument, OrderStore } from '@supply-hub/orders-data-access';
import type { Rerouting, RoutedShipment } from '@supply-hub/orders-domain';
import type { RerouteShipment } from '../reroute-shipment/reroute-shipment.use-case';
import type { ShipmentDeadlinePolicy } from './shipment-deadlines';
import { SweepShipmentDeadlines } from './sweep-shipment-deadlines.use-case';

const HOUR = 3_600_000;
const ordered = new Date('2026-11-23T02:00:00.000Z');
const hoursAfterOrder = (hours: number) => new Date(ordered.getTime() + hours * HOUR);

/** Time moves only when the test says so. */
class TestClock {
  private nowMs = ordered.getTime();
  now = () => new Date(this.nowMs);
  set(at: Date): void {
    this.nowMs = at.getTime();
  }
}

/** OrderStore's version-guarded write in memory, keeping the events it would put in the outbox. */
class InMemoryOrders implements Pick<OrderStore, 'getAny' | 'update'> {
  readonly rows = new Map<string, OrderDocument>();
  readonly events: SerializedEvent[] = [];
  writes = 0;
  /** Runs before the next write, as another writer would (then the version check fails). */
  interleave: ((order: OrderDocument) => void) | undefined;

  async getAny(orderId: string): Promise<OrderDocument | null> {
    return structuredClone(this.rows.get(orderId) ?? null);
  }

  async update(orderId: string, version: number, changes: Partial<OrderDocument>, timeline: OrderDocument['timeline'], events: readonly SerializedEvent[]) {
    const row = this.rows.get(orderId)!;
    if (this.interleave) {
      this.interleave(row);
      this.interleave = undefined;
      row.version++;
    }
    if (row.version !== version) return false;
    this.writes++;
    this.rows.set(orderId, { ...row, ...structuredClone(changes), version: version + 1, timeline: [...row.timeline, ...timeline] });
    this.events.push(...events);
    return true;
  }

  openOrders = async function* (this: InMemoryOrders) {
    for (const order of this.rows.values()) {
      if (order.shipments.some((shipment) => shipment.status === 'requested' || shipment.status === 'accepted')) yield structuredClone(order);
    }
  };
}

/** RerouteShipment's effect, in short: the parcel is given back and the next warehouse gets a new one. */
class FakeReroute implements Pick<RerouteShipment, 'execute'> {
  readonly calls: { shipmentId: string; by: Rerouting['by'] }[] = [];
  constructor(
    private readonly orders: InMemoryOrders,
    private readonly clock: TestClock,
  ) {}

  async execute(shipmentId: string, orderId: string, _reason: string, by: Rerouting['by']): Promise<OrderDocument> {
    const order = this.orders.rows.get(orderId)!;
    const shipment = order.shipments.find((candidate) => candidate.shipmentId === shipmentId)!;
    if (shipment.status !== 'requested' && shipment.status !== 'accepted') throw new ConflictError(`shipment ${shipmentId} is ${shipment.status}`, {});
    this.calls.push({ shipmentId, by });
    const now = this.clock.now();
    const next: RoutedShipment = {
      ...shipment,
      shipmentId: `${orderId.replace('ord_', 'shp_')}-${order.shipments.length + 1}`,
      warehouseId: 'wh-xa',
      status: 'requested',
      requestedAt: now,
      acceptedAt: undefined,
      slaFlag: undefined,
    };
    order.shipments = [...order.shipments.map((candidate) => (candidate === shipment ? { ...candidate, status: 'rejected' as const } : candidate)), next];
    order.version++;
    return order;
  }
}

const order = (shipments: Partial<RoutedShipment>[]): OrderDocument => ({
  _id: 'ord_0123456789abcdef0123',
  tenantId: 'mall-a',
  mallOrderId: 'M-1',
  requestFingerprint: 'f',
  status: 'routed',
  lines: [],
  recipient: { name: '李四', mobile: '13912345678', province: '四川', city: '成都市', address: '天府大道', cityCode: '510100', lat: 30.6, lng: 104 },
  unavailablePolicy: 'backorder',
  createdAt: ordered,
  updatedAt: ordered,
  timeline: [],
  reservations: [],
  version: 1,
  shipments: shipments.map((overrides, index) => ({
    shipmentId: `shp_0123456789abcdef0123-${index + 1}`,
    kind: 'warehouse',
    warehouseId: 'wh-cd',
    lines: [{ lineId: String(index + 1), skuId: 'sku-1', quantity: 1 }],
    status: 'accepted',
    dispatchBy: hoursAfterOrder(48),
    requestedAt: ordered,
    acceptedAt: hoursAfterOrder(1),
    ...overrides,
  })),
});

describe('SweepShipmentDeadlines', () => {
  let clock: TestClock;
  let orders: InMemoryOrders;
  let reroute: FakeReroute;
  const sweep = (policy: Partial<ShipmentDeadlinePolicy> = {}) =>
    new SweepShipmentDeadlines(orders, orders, reroute, clock, { acceptTimeoutMs: 4 * HOUR, breachPolicy: 'escalate', ...policy });
  const stored = () => orders.rows.get('ord_0123456789abcdef0123')!;
  const flagEvents = () => orders.events.filter((event) => event.type === ShipmentSlaFlagged.type).map((event) => JSON.parse(event.value).data);

  beforeEach(() => {
    clock = new TestClock();
    orders = new InMemoryOrders();
    reroute = new FakeReroute(orders, clock);
  });

  it('fires at 36 h: at-risk flag, event and timeline entry, once', async () => {
    orders.rows.set('ord_0123456789abcdef0123', order([{}]));
    clock.set(hoursAfterOrder(35.9));
    expect((await sweep().runOnce()).flagged).toEqual([]);

    clock.set(hoursAfterOrder(36));
    const report = await sweep().runOnce();
    expect(report.flagged).toEqual([{ shipmentId: 'shp_0123456789abcdef0123-1', orderId: 'ord_0123456789abcdef0123', warehouseId: 'wh-cd', level: 'at-risk' }]);
    expect(stored().shipments[0]!.slaFlag).toBe('at-risk');
    expect(stored().timeline).toEqual([expect.objectContaining({ status: 'shipment-at-risk', at: hoursAfterOrder(36) })]);
    expect(flagEvents()).toEqual([
      expect.objectContaining({
        shipmentId: 'shp_0123456789abcdef0123-1',
        level: 'at-risk',
        dispatchBy: hoursAfterOrder(48).toISOString(),
        at: hoursAfterOrder(36).toISOString(),
      }),
    ]);

    const writes = orders.writes;
    const again = await sweep().runOnce();
    expect(again).toMatchObject({ flagged: [], rerouted: [], escalated: [] });
    expect(orders.writes).toBe(writes);
  });

  it('records the breach after 48 h and escalates under the default policy, once', async () => {
    orders.rows.set('ord_0123456789abcdef0123', order([{ slaFlag: 'at-risk' }]));
    clock.set(hoursAfterOrder(48.5));
    const report = await sweep().runOnce();
    expect(report.flagged.map((entry) => entry.level)).toEqual(['breached']);
    expect(report.escalated).toHaveLength(1);
    expect(reroute.calls).toEqual([]);
    expect(stored().timeline[0]!.note).toContain('escalated to operations');
    expect(flagEvents().map((event) => event.level)).toEqual(['breached']);
    expect(await sweep().runOnce()).toMatchObject({ flagged: [], escalated: [] });
  });

  it('under the reroute policy, moves the breached parcel once and flags its successor in the same sweep', async () => {
    orders.rows.set('ord_0123456789abcdef0123', order([{ slaFlag: 'at-risk' }]));
    clock.set(hoursAfterOrder(49));
    const report = await sweep({ breachPolicy: 'reroute' }).runOnce();
    expect(reroute.calls).toEqual([{ shipmentId: 'shp_0123456789abcdef0123-1', by: 'sla-breached' }]);
    expect(report.rerouted).toEqual([expect.objectContaining({ shipmentId: 'shp_0123456789abcdef0123-1', by: 'sla-breached' })]);
    expect(stored().shipments.map((shipment) => [shipment.warehouseId, shipment.status, shipment.slaFlag])).toEqual([
      ['wh-cd', 'rejected', 'breached'],
      ['wh-xa', 'requested', 'breached'],
    ]);
    expect(report.escalated.map((entry) => entry.shipmentId)).toEqual(['shp_0123456789abcdef0123-2']);

    const writes = orders.writes;
    expect(await sweep({ breachPolicy: 'reroute' }).runOnce()).toMatchObject({ flagged: [], rerouted: [] });
    expect(reroute.calls).toHaveLength(1);
    expect(orders.writes).toBe(writes);
  });

  it('reroutes a parcel nobody accepted within the timeout', async () => {
    orders.rows.set('ord_0123456789abcdef0123', order([{ status: 'requested', acceptedAt: undefined }]));
    clock.set(hoursAfterOrder(3.99));
    expect((await sweep().runOnce()).rerouted).toEqual([]);
    clock.set(hoursAfterOrder(4));
    expect((await sweep().runOnce()).rerouted).toEqual([expect.objectContaining({ shipmentId: 'shp_0123456789abcdef0123-1', by: 'not-accepted' })]);
    expect(await sweep().runOnce()).toMatchObject({ rerouted: [] });
  });

  it('writes a flag once when another writer changes the order first', async () => {
    orders.rows.set('ord_0123456789abcdef0123', order([{}, { warehouseId: 'wh-bj' }]));
    // Another instance flags the first parcel between this sweep's read and its write.
    orders.interleave = (row) => (row.shipments[0]!.slaFlag = 'at-risk');
    clock.set(hoursAfterOrder(37));
    const report = await sweep().runOnce();
    expect(report.flagged.map((entry) => entry.warehouseId)).toEqual(['wh-bj']);
    expect(flagEvents().map((event) => event.warehouseId)).toEqual(['wh-bj']);
  });

  it('skips a parcel that left before its reroute (dispatched meanwhile) and goes on', async () => {
    orders.rows.set('ord_0123456789abcdef0123', order([{ status: 'requested', acceptedAt: undefined }]));
    reroute.execute = async () => {
      throw new ConflictError('shipment is dispatched', {});
    };
    clock.set(hoursAfterOrder(5));
    expect(await sweep().runOnce()).toMatchObject({ rerouted: [], failed: [] });
  });

  it('reports other failures per parcel without stopping the sweep', async () => {
    orders.rows.set('ord_0123456789abcdef0123', order([{ status: 'requested', acceptedAt: undefined }]));
    reroute.execute = async () => {
      throw new Error('database away');
    };
    clock.set(hoursAfterOrder(5));
    expect((await sweep().runOnce()).failed).toEqual([expect.objectContaining({ shipmentId: 'shp_0123456789abcdef0123-1', error: 'database away' })]);
  });
});
