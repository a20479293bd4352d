import { Controller } from '@nestjs/common';
import { RecordQualityFacts } from '@supply-hub/catalog-application';
import {
  type CloudEvent,
  OrderRouted,
  type OrderRoutedData,
  QualitySignalRaised,
  type QualitySignalRaisedData,
  ShipmentSlaFlagged,
  type ShipmentSlaFlaggedData,
} from '@supply-hub/contracts';
import { OnEvent } from '@supply-hub/kafka/nest';

/** Facts for quality scores: after-sales' quality signals, order-router's routed units and late dispatches. */
@Controller()
export class QualityEventsConsumer {
  constructor(private readonly record: RecordQualityFacts) {}

  @OnEvent(QualitySignalRaised)
  async onQualitySignal(event: CloudEvent<QualitySignalRaisedData>): Promise<void> {
    await this.record.signalRaised(event.data);
  }

  @OnEvent(OrderRouted)
  async onOrderRouted(event: CloudEvent<OrderRoutedData>): Promise<void> {
    await this.record.orderRouted(event.data, new Date(event.time));
  }

  @OnEvent(ShipmentSlaFlagged)
  async onSlaFlagged(event: CloudEvent<ShipmentSlaFlaggedData>): Promise<void> {
    await this.record.slaFlagged(event.data);
  }
}
