import { Controller } from '@nestjs/common';
import { type CloudEvent, IssuanceStatusChanged, type IssuanceStatusChangedData, RefundIssued, type RefundIssuedData } from '@supply-hub/contracts';
import { OnEvents } from '@supply-hub/kafka/nest';
import { WebhookDispatcher } from '@supply-hub/platform';

/**
 * Issuance changes and refunds, as published from the outbox, to the mall's webhook endpoints (never a
 * code: the events carry references only), a run of them at a time. Idempotent per event in the dispatcher.
 */
@Controller()
export class IssuanceWebhooksConsumer {
  constructor(private readonly webhooks: WebhookDispatcher) {}

  @OnEvents(IssuanceStatusChanged)
  async onIssuanceStatusChanged(events: readonly CloudEvent<IssuanceStatusChangedData>[]): Promise<void> {
    await this.webhooks.forward(events);
  }

  @OnEvents(RefundIssued)
  async onRefundIssued(events: readonly CloudEvent<RefundIssuedData>[]): Promise<void> {
    // After-sales refunds share the topic; their own service tells the mall about those.
    await this.webhooks.forward(events.filter((event) => event.data.origin.kind === 'issuance-failed'));
  }
}
