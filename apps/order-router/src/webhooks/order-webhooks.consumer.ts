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
import { OnEvent } from '@supply-hub/kafka/nest';
import { WEBHOOK_FORWARDING, WebhookDispatcher } from '@supply-hub/platform';

/**
 * Every status change of a mall's order, as published from the outbox, fanned out to the mall's webhook
 * endpoints. Driven by the events (not by the request that caused them), so a crash between the
 * change and the webhook loses nothing; the dispatcher is idempotent per event, so a redelivery sends nothing twice.
 */
@Controller()
export class OrderWebhooksConsumer {
  constructor(private readonly webhooks: WebhookDispatcher) {}

  @OnEvent(OrderAccepted, WEBHOOK_FORWARDING)
  async onAccepted(event: CloudEvent<OrderAcceptedData>): Promise<void> {
    await this.forward(event);
  }

  @OnEvent(OrderRouted, WEBHOOK_FORWARDING)
  async onRouted(event: CloudEvent<OrderRoutedData>): Promise<void> {
    await this.forward(event);
  }

  @OnEvent(OrderCancelled, WEBHOOK_FORWARDING)
  async onCancelled(event: CloudEvent<OrderCancelledData>): Promise<void> {
    await this.forward(event);
  }

  @OnEvent(ShipmentStatusChanged, WEBHOOK_FORWARDING)
  async onShipmentStatusChanged(event: CloudEvent<ShipmentStatusChangedData>): Promise<void> {
    await this.forward(event);
  }

  @OnEvent(ShipmentSlaFlagged, WEBHOOK_FORWARDING)
  async onSlaFlagged(event: CloudEvent<ShipmentSlaFlaggedData>): Promise<void> {
    await this.forward(event);
  }

  private async forward(event: CloudEvent<unknown>): Promise<void> {
    if (!event.tenantid) return; // every order event is a tenant's; the schema makes this unreachable
    await this.webhooks.dispatch(event.tenantid, event);
  }
}
