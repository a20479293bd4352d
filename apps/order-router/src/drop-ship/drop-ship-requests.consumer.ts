import { Controller, Logger } from '@nestjs/common';
import { type CloudEvent, ShipmentRequested, type ShipmentRequestedData } from '@supply-hub/contracts';
import { OnEvent } from '@supply-hub/kafka/nest';
import { SubmitDropShipment, supplierSourceOf } from '@supply-hub/orders-application';

/**
 * A drop-ship parcel (ShipmentRequested keyed `supplier:<sourceId>`) is ordered from its supplier as soon
 * as the event is out of the outbox. Whatever fails here is left to the drop-ship poller, which submits
 * parcels still `requested` again (same thirdOrder, looked up first): this handler never fails the event,
 * and a redelivered one finds the parcel accepted and calls nobody.
 */
@Controller()
export class DropShipRequestsConsumer {
  private readonly logger = new Logger(DropShipRequestsConsumer.name);

  constructor(private readonly submit: SubmitDropShipment) {}

  // Idempotent by the shipment id (the supplier's thirdOrder): no processed-event ledger. Every parcel's
  // event comes here, warehouse parcels included, so the ledger's read and write were paid per parcel.
  @OnEvent(ShipmentRequested, { idempotent: true })
  async onShipmentRequested(event: CloudEvent<ShipmentRequestedData>): Promise<void> {
    if (supplierSourceOf(event.data.warehouseId) === undefined) return;
    const { shipmentId } = event.data;
    try {
      const result = await this.submit.execute(shipmentId);
      if (result.outcome === 'retry-later' || result.outcome === 'no-supplier') {
        this.logger.warn({ shipmentId, ...result }, 'drop-ship parcel not placed with its supplier; the drop-ship poller tries again');
      } else if (result.outcome === 'rejected') {
        this.logger.log({ shipmentId, ...result }, 'drop-ship parcel refused by its supplier');
      }
    } catch (error) {
      this.logger.warn({ shipmentId, err: error }, 'drop-ship parcel not placed with its supplier; the drop-ship poller tries again');
    }
  }
}
