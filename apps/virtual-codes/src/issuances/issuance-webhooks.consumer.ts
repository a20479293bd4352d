import { Controller } from '@nestjs/common';
import { type CloudEvent, IssuanceStatusChanged, type IssuanceStatusChangedData, RefundIssued, type RefundIssuedData } from '@supply-hub/contracts';
import { OnEvent } from '@supply-hub/kafka/nest';
import { WEBHOOK_FORWARDING, WebhookDispatcher } from '@supply-hub/platform';

/**
 * Issuance changes and refunds, as published from the outbox, to the mall's webhook endpoints (never a
 * code: the events carry references only). Idempotent per event in the dispatcher.
 */
@Controller()
export class IssuanceWebhooksConsumer {
  constructor(private readonly webhooks: WebhookDispatcher) {}

  @OnEvent(IssuanceStatusChanged, WEBHOOK_FORWARDING)
  async onIssuanceStatusChanged(event: CloudEvent<IssuanceStatusChangedData>): Promise<void> {
    if (event.tenantid) await this.webhooks.dispatch(event.tenantid, event);
  }

  @OnEvent(RefundIssued, WEBHOOK_FORWARDING)
  async onRefundIssued(event: CloudEvent<RefundIssuedData>): Promise<void> {
    // After-sales refunds share the topic; their own service tells the mall about those.
    if (event.tenantid && event.data.origin.kind === 'issuance-failed') await this.webhooks.dispatch(event.tenantid, event);
  }
}
