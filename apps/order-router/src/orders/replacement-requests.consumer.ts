import { Controller } from '@nestjs/common';
import { type CloudEvent, ReplacementRequested, type ReplacementRequestedData } from '@supply-hub/contracts';
import { ValidationError } from '@supply-hub/errors';
import { OnEvent } from '@supply-hub/kafka/nest';
import { PlaceReplacementOrder } from '@supply-hub/orders-application';

/**
 * aftersales' replacement requests, each placed and routed as an order of the tenant's own. Errors go to
 * the consumer wrapper: an unknown or another tenant's order is dead-lettered at once, anything else retried.
 */
@Controller()
export class ReplacementRequestsConsumer {
  constructor(private readonly placeReplacement: PlaceReplacementOrder) {}

  @OnEvent(ReplacementRequested)
  async onReplacementRequested(event: CloudEvent<ReplacementRequestedData>): Promise<void> {
    // The schema makes this unreachable; without a tenant there is no order to look at, so dead-letter it.
    if (!event.tenantid) throw new ValidationError('a replacement request names no tenant');
    await this.placeReplacement.execute(event.tenantid, event.data);
  }
}
