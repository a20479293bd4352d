import { Controller } from '@nestjs/common';
import { RecordOrderEvents } from '@supply-hub/aftersales-application';
import {
  type CloudEvent,
  IssuanceStatusChanged,
  type IssuanceStatusChangedData,
  OrderAccepted,
  type OrderAcceptedData,
  OrderRouted,
  type OrderRoutedData,
  ShipmentStatusChanged,
  type ShipmentStatusChangedData,
} from '@supply-hub/contracts';
import { OnEvent } from '@supply-hub/kafka/nest';

/** order-router's and virtual-codes' events: what was delivered, and how the remedies asked for went. */
@Controller()
export class OrderEventsConsumer {
  constructor(private readonly record: RecordOrderEvents) {}

  @OnEvent(OrderAccepted)
  async onOrderAccepted(event: CloudEvent<OrderAcceptedData>): Promise<void> {
    if (event.tenantid) await this.record.orderAccepted(event.tenantid, event.data);
  }

  @OnEvent(OrderRouted)
  async onOrderRouted(event: CloudEvent<OrderRoutedData>): Promise<void> {
    if (event.tenantid) await this.record.orderRouted(event.tenantid, event.data);
  }

  @OnEvent(ShipmentStatusChanged)
  async onShipmentStatusChanged(event: CloudEvent<ShipmentStatusChangedData>): Promise<void> {
    if (event.tenantid) await this.record.shipmentStatusChanged(event.tenantid, event.data);
  }

  @OnEvent(IssuanceStatusChanged)
  async onIssuanceStatusChanged(event: CloudEvent<IssuanceStatusChangedData>): Promise<void> {
    if (event.tenantid) await this.record.issuanceStatusChanged(event.tenantid, event.data);
  }
}
