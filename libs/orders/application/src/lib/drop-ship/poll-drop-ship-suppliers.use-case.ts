import type { OrderDocument } from '@supply-hub/orders-data-access';
import type { DropShipSupplier, RoutedShipment, SupplierOrderUpdate, SupplierTrackEntry } from '@supply-hub/orders-domain';
import type { Clock } from '../shared/clock';
import type { DropShipOrders, DropShipSuppliers } from './drop-ship-ports';
import { deliveredBySupplier, dispatchedBySupplier, rejectedBySupplier } from './drop-shipment-changes';
import { DropShipmentWriter } from './drop-shipment-writer';
import type { SubmitDropShipment } from './submit-drop-shipment.use-case';

export interface PollDropShipSuppliersOptions {
  /** A parcel still `requested` this long after it was requested is submitted again (same thirdOrder, looked up first). */
  resubmitAfterMs: number;
  /**
   * A supplier update naming an order no parcel holds is kept (not acknowledged) this long: the parcel
   * may be recorded in a moment (a submit whose write is still to come). Older, it is someone else's
   * order on the same account, and is acknowledged so it stops crowding ours out.
   */
  unmatchedGraceMs?: number;
  /** Orders read per query. */
  batchSize?: number;
  /** Orders one pass follows the track of at most (the next pass goes on from there). */
  maxTrackedPerPass?: number;
}

export interface DropShipPollReport {
  resubmitted: number;
  updates: number;
  acknowledged: number;
  dispatched: number;
  delivered: number;
  rejected: number;
  tracked: number;
  /** What failed, per supplier and step; the next pass tries again. */
  failures: { sourceId: string; step: 'resubmit' | 'updates' | 'track'; reason: string }[];
}

const UPDATE_OUTCOMES = ['delivered', 'rejected'] as const;

/**
 * One pass over every drop-ship supplier (the app runs it on a timer; tests call it): submits again the
 * parcels still waiting for their supplier, applies the supplier's order updates (JD type-5 messages:
 * delivered or rejected) and acknowledges those it handled, and reads the track of the parcels on their
 * way: the parcel is dispatched once the track says it left, and its tracking follows the track.
 * Everything is idempotent: an update seen twice, or a pass run by two instances, finds the parcel
 * already moved and changes nothing.
 */
export class PollDropShipSuppliers {
  private readonly writer: DropShipmentWriter;
  private readonly trackCursors = new Map<string, string | undefined>();

  constructor(
    private readonly orders: DropShipOrders,
    private readonly suppliers: DropShipSuppliers,
    private readonly submit: SubmitDropShipment,
    private readonly clock: Clock,
    private readonly options: PollDropShipSuppliersOptions,
  ) {
    this.writer = new DropShipmentWriter(orders, clock);
  }

  async runOnce(): Promise<DropShipPollReport> {
    const report: DropShipPollReport = { resubmitted: 0, updates: 0, acknowledged: 0, dispatched: 0, delivered: 0, rejected: 0, tracked: 0, failures: [] };
    for (const supplier of this.suppliers.list()) {
      const steps = [
        ['resubmit', () => this.resubmit(supplier, report)],
        ['updates', () => this.applyUpdates(supplier, report)],
        ['track', () => this.followTracks(supplier, report)],
      ] as const;
      for (const [step, run] of steps) {
        await run().catch((error: unknown) => report.failures.push({ sourceId: supplier.sourceId, step, reason: reasonOf(error) }));
      }
    }
    return report;
  }

  private async resubmit(supplier: DropShipSupplier, report: DropShipPollReport): Promise<void> {
    const before = this.clock.now().getTime() - this.options.resubmitAfterMs;
    for (const order of await this.orders.withSupplierShipments(supplier.sourceId, ['requested'], undefined, this.batchSize)) {
      for (const shipment of parcelsOf(order, supplier, ['requested'])) {
        if (shipment.requestedAt.getTime() > before) continue;
        const result = await this.submit.execute(shipment.shipmentId, { mayExist: true });
        report.resubmitted++;
        if (result.outcome === 'rejected') report.rejected++;
        if (result.outcome === 'retry-later')
          report.failures.push({ sourceId: supplier.sourceId, step: 'resubmit', reason: `${shipment.shipmentId}: ${result.reason}` });
      }
    }
  }

  private async applyUpdates(supplier: DropShipSupplier, report: DropShipPollReport): Promise<void> {
    const updates = await supplier.orderUpdates();
    report.updates += updates.length;
    const handled: string[] = [];
    for (const update of updates) {
      try {
        if (await this.applyUpdate(supplier, update, report)) handled.push(update.updateId);
      } catch (error) {
        // Not acknowledged: the supplier sends it again and the next pass retries.
        report.failures.push({ sourceId: supplier.sourceId, step: 'updates', reason: `${update.supplierOrderId}: ${reasonOf(error)}` });
      }
    }
    if (handled.length === 0) return;
    await supplier.acknowledge(handled);
    report.acknowledged += handled.length;
  }

  /** True when the update is done with (applied, already applied, or not ours): it may be acknowledged. */
  private async applyUpdate(supplier: DropShipSupplier, update: SupplierOrderUpdate, report: DropShipPollReport): Promise<boolean> {
    if (!(UPDATE_OUTCOMES as readonly string[]).includes(update.outcome)) return true;
    const order = await this.orders.bySupplierOrder(supplier.sourceId, update.supplierOrderId);
    const shipment = order?.shipments.find(
      (candidate) => candidate.supplierSourceId === supplier.sourceId && candidate.supplierOrderId === update.supplierOrderId,
    );
    if (!shipment) return this.clock.now().getTime() - update.at.getTime() > (this.options.unmatchedGraceMs ?? 10 * 60_000);
    // The whole track with the final word, when the supplier answers; the update alone is enough.
    const entries = await supplier.orderTrack(update.supplierOrderId).catch(() => undefined);
    if (update.outcome === 'delivered') {
      if (await this.writer.change(shipment.shipmentId, deliveredBySupplier(supplier.carrier, entries))) report.delivered++;
    } else {
      const reason = `${update.supplierOrderId} rejected${update.detail ? `: ${update.detail}` : ''}`;
      if (await this.writer.change(shipment.shipmentId, rejectedBySupplier(reason, supplier.carrier, entries))) report.rejected++;
    }
    return true;
  }

  private async followTracks(supplier: DropShipSupplier, report: DropShipPollReport): Promise<void> {
    const statuses = ['accepted', 'dispatched'] as const;
    let cursor = this.trackCursors.get(supplier.sourceId);
    let seen = 0;
    const limit = this.options.maxTrackedPerPass ?? 500;
    while (seen < limit) {
      const orders = await this.orders.withSupplierShipments(supplier.sourceId, statuses, cursor, this.batchSize);
      for (const order of orders) for (const shipment of parcelsOf(order, supplier, statuses)) await this.followTrack(supplier, shipment, report);
      seen += orders.length;
      cursor = orders.length < this.batchSize ? undefined : orders.at(-1)?._id;
      if (cursor === undefined) break;
    }
    this.trackCursors.set(supplier.sourceId, cursor);
  }

  private async followTrack(supplier: DropShipSupplier, shipment: RoutedShipment, report: DropShipPollReport): Promise<void> {
    if (!shipment.supplierOrderId) return;
    const entries: SupplierTrackEntry[] = await supplier.orderTrack(shipment.supplierOrderId);
    report.tracked++;
    const written = await this.writer.change(shipment.shipmentId, dispatchedBySupplier(supplier.carrier, entries));
    if (written?.status === 'dispatched' && shipment.status === 'accepted') report.dispatched++;
  }

  private get batchSize(): number {
    return this.options.batchSize ?? 100;
  }
}

function parcelsOf(order: OrderDocument, supplier: DropShipSupplier, statuses: readonly RoutedShipment['status'][]): RoutedShipment[] {
  return order.shipments.filter(
    (shipment) => shipment.kind === 'drop-ship' && shipment.supplierSourceId === supplier.sourceId && statuses.includes(shipment.status),
  );
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
