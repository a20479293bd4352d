import type { OrderDocument } from '@supply-hub/orders-data-access';
import type { DropShipOrderRequest, RoutedShipment, ShipmentStatus } from '@supply-hub/orders-domain';
import type { Clock } from '../shared/clock';
import type { DropShipOrders, DropShipSuppliers, SkuLookup } from './drop-ship-ports';
import { acceptedBySupplier, rejectedBySupplier } from './drop-shipment-changes';
import { DropShipmentWriter } from './drop-shipment-writer';

export interface SubmitDropShipmentOptions {
  /** An earlier attempt may have placed the order (the poller's retries): the adapter looks it up first. */
  mayExist?: boolean;
}

export type DropShipSubmitResult =
  | { outcome: 'accepted'; supplierOrderId: string }
  | { outcome: 'rejected'; reason: string }
  /** Left `requested`: the poller submits it again (same thirdOrder) after DROP_SHIP_RESUBMIT_AFTER_MS. */
  | { outcome: 'retry-later'; reason: string }
  /** Not a drop-ship parcel, or past `requested` (a redelivered event): nothing sent to the supplier. */
  | { outcome: 'not-needed'; status: ShipmentStatus }
  | { outcome: 'unknown-shipment' }
  /** No adapter for the parcel's supplier is configured: it stays `requested`. */
  | { outcome: 'no-supplier'; sourceId: string };

/**
 * A drop-ship (一件代发) parcel goes to its supplier: the order is placed through the supplier's adapter
 * with thirdOrder = the shipment id (so a retry, a redelivered event or a second instance can only find
 * the same order), and the parcel records the supplier's order id and `accepted`; a supplier that says
 * no for good rejects the parcel and its lines are backordered or refused as the mall asked. Only a
 * `requested` parcel is sent: a redelivered ShipmentRequested finds it accepted and calls nobody.
 */
export class SubmitDropShipment {
  private readonly writer: DropShipmentWriter;

  constructor(
    orders: Pick<DropShipOrders, 'getAny' | 'update'>,
    private readonly suppliers: DropShipSuppliers,
    clock: Clock,
    private readonly skus?: SkuLookup,
  ) {
    this.writer = new DropShipmentWriter(orders, clock);
  }

  async execute(shipmentId: string, options: SubmitDropShipmentOptions = {}): Promise<DropShipSubmitResult> {
    const found = await this.writer.find(shipmentId);
    if (!found) return { outcome: 'unknown-shipment' };
    const { order, shipment } = found;
    if (shipment.kind !== 'drop-ship' || shipment.status !== 'requested') return { outcome: 'not-needed', status: shipment.status };
    const sourceId = shipment.supplierSourceId ?? '';
    const supplier = this.suppliers.get(sourceId);
    if (!supplier) return { outcome: 'no-supplier', sourceId };

    const placement = await supplier.placeOrder(await this.requestOf(order, shipment, options.mayExist ?? false));
    switch (placement.outcome) {
      case 'retry-later':
        return placement;
      case 'refused': {
        const written = await this.writer.change(shipmentId, rejectedBySupplier(placement.reason));
        return written ? { outcome: 'rejected', reason: placement.reason } : this.settled(shipmentId);
      }
      case 'accepted': {
        const written = await this.writer.change(shipmentId, acceptedBySupplier(placement.supplierOrderId, placement.note));
        return written ? { outcome: 'accepted', supplierOrderId: placement.supplierOrderId } : this.settled(shipmentId);
      }
    }
  }

  /** Someone else moved the parcel while the supplier was asked (the other delivery of the event, a cancel). */
  private async settled(shipmentId: string): Promise<DropShipSubmitResult> {
    const found = await this.writer.find(shipmentId);
    if (!found) return { outcome: 'unknown-shipment' };
    const { shipment } = found;
    if (shipment.status === 'accepted' && shipment.supplierOrderId) return { outcome: 'accepted', supplierOrderId: shipment.supplierOrderId };
    return { outcome: 'not-needed', status: shipment.status };
  }

  private async requestOf(order: OrderDocument, shipment: RoutedShipment, mayExist: boolean): Promise<DropShipOrderRequest> {
    const prices = this.skus ? await this.skus(shipment.lines.map((line) => line.skuId)).catch(() => undefined) : undefined;
    const { name, mobile, province, city, district, address, cityCode } = order.recipient;
    return {
      thirdOrder: shipment.shipmentId,
      lines: shipment.lines.map((line) => {
        const supplyPriceFen = prices?.get(line.skuId)?.supplyPriceFen;
        const title = order.lines.find((candidate) => candidate.lineId === line.lineId)?.title;
        return {
          lineId: line.lineId,
          externalId: line.externalId ?? '',
          quantity: line.quantity,
          ...(title ? { title } : {}),
          ...(supplyPriceFen !== undefined ? { supplyPriceFen } : {}),
        };
      }),
      recipient: { name, mobile, province, city, ...(district ? { district } : {}), address, cityCode },
      mayExist,
    };
  }
}
