import { Controller } from '@nestjs/common';
import { CaseStatusChanged, type CaseStatusChangedData, type CloudEvent, RefundIssued, type RefundIssuedData } from '@supply-hub/contracts';
import { OnEvent } from '@supply-hub/kafka/nest';
import { WEBHOOK_FORWARDING, WebhookDispatcher } from '@supply-hub/platform';

/** Case changes and case refunds, as published from the outbox, to the mall's webhook endpoints (signed). */
@Controller()
export class CaseWebhooksConsumer {
  constructor(private readonly webhooks: WebhookDispatcher) {}

  @OnEvent(CaseStatusChanged, WEBHOOK_FORWARDING)
  async onCaseStatusChanged(event: CloudEvent<CaseStatusChangedData>): Promise<void> {
    if (event.tenantid) await this.webhooks.dispatch(event.tenantid, event);
  }

  @OnEvent(RefundIssued, WEBHOOK_FORWARDING)
  async onRefundIssued(event: CloudEvent<RefundIssuedData>): Promise<void> {
    // Refunds of failed issuances share the topic; virtual-codes tells the mall about those.
    if (event.tenantid && event.data.origin.kind === 'case') await this.webhooks.dispatch(event.tenantid, event);
  }
}
