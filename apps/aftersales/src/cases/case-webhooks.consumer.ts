import { Controller } from '@nestjs/common';
import { CaseStatusChanged, type CaseStatusChangedData, type CloudEvent, RefundIssued, type RefundIssuedData } from '@supply-hub/contracts';
import { OnEvents } from '@supply-hub/kafka/nest';
import { WebhookDispatcher } from '@supply-hub/platform';

/** Case changes and case refunds, as published from the outbox, to the mall's webhook endpoints (signed). */
@Controller()
export class CaseWebhooksConsumer {
  constructor(private readonly webhooks: WebhookDispatcher) {}

  @OnEvents(CaseStatusChanged)
  async onCaseStatusChanged(events: readonly CloudEvent<CaseStatusChangedData>[]): Promise<void> {
    await this.webhooks.forward(events);
  }

  @OnEvents(RefundIssued)
  async onRefundIssued(events: readonly CloudEvent<RefundIssuedData>[]): Promise<void> {
    // Refunds of failed issuances share the topic; virtual-codes tells the mall about those.
    await this.webhooks.forward(events.filter((event) => event.data.origin.kind === 'case'));
  }
}
