import { Controller, Logger } from '@nestjs/common';
import { type CloudEvent, ShipmentStatusChanged, type ShipmentStatusChangedData } from '@supply-hub/contracts';
import { OnEvent } from '@supply-hub/kafka/nest';
import { SubscribeShipmentTracking } from '@supply-hub/orders-application';

/**
 * A dispatched parcel is subscribed at the carrier as soon as the dispatch event is out of the outbox:
 * after the dispatch was written, never as part of it. A failure is logged and left to the tracking
 * sweep; this handler never fails the event (the mall's webhook for it rides on the same delivery).
 */
@Controller()
export class TrackingSubscriptionConsumer {
  private readonly logger = new Logger(TrackingSubscriptionConsumer.name);

  constructor(private readonly tracking: SubscribeShipmentTracking) {}

  @OnEvent(ShipmentStatusChanged)
  async onShipmentStatusChanged(event: CloudEvent<ShipmentStatusChangedData>): Promise<void> {
    if (event.data.status !== 'dispatched') return;
    const { shipmentId } = event.data;
    try {
      const result = await this.tracking.afterDispatch(shipmentId);
      if ('message' in result) this.logger.warn({ shipmentId, ...result }, 'tracking subscription failed; the tracking sweep tries again');
    } catch (error) {
      this.logger.warn({ shipmentId, err: error }, 'tracking subscription failed; the tracking sweep tries again');
    }
  }
}
