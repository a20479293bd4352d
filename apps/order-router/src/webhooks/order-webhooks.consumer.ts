import { Controller } from '@nestjs/common';
import {
  type CloudEvent,
  OrderAccepted,
  type OrderAcceptedData,
  OrderCancelled,
  type OrderCancelledData,
  OrderRouted,
  type OrderRoutedData,
  ShipmentSlaFlagged,
  type ShipmentSlaFlaggedData,
  ShipmentStatusChanged,
  type ShipmentStatusChangedData,
} from '@supply-hub/contracts';
import { OnEvents } from '@supply-hub/kafka/nest';
import { WebhookDispatcher } from '@supply-hub/platform';

/**
 * Every status change of a mall's order, as published from the outbox, fanned out to the mall's webhook
 * endpoints. Driven by the events (not by the request that caused them), so a crash between the
 * change and the webhook loses nothing; the dispatcher is idempotent per event, so a redelivery sends nothing twice.
 * A run of each type at a time (@OnEvents): the mall's endpoints are read once for the run.
 */
@Controller()
export class OrderWebhooksConsumer {
  constructor(private readonly webhooks: WebhookDispatcher) {}

  @OnEvents(OrderAccepted)
  async onAccepted(events: readonly CloudEvent<OrderAcceptedData>[]): Promise<void> {
    await this.webhooks.forward(events);
  }

  @OnEvents(OrderRouted)
  async onRouted(events: readonly CloudEvent<OrderRoutedData>[]): Promise<void> {
    await this.webhooks.forward(events);
  }

  @OnEvents(OrderCancelled)
  async onCancelled(events: readonly CloudEvent<OrderCancelledData>[]): Promise<void> {
    await this.webhooks.forward(events);
  }

  @OnEvents(ShipmentStatusChanged)
  async onShipmentStatusChanged(events: readonly CloudEvent<ShipmentStatusChangedData>[]): Promise<void> {
    await this.webhooks.forward(events);
  }

  @OnEvents(ShipmentSlaFlagged)
  async onSlaFlagged(events: readonly CloudEvent<ShipmentSlaFlaggedData>[]): Promise<void> {
    await this.webhooks.forward(events);
  }
}
