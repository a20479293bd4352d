import { Controller } from '@nestjs/common';
import { type CloudEvent, IssuanceStatusChanged, type IssuanceStatusChangedData } from '@supply-hub/contracts';
import { OnEvent } from '@supply-hub/kafka/nest';
import { RecordIssuance } from '@supply-hub/orders-application';

/** virtual-codes' issuance results, onto the orders' virtual lines. */
@Controller()
export class IssuanceEventsConsumer {
  constructor(private readonly recordIssuance: RecordIssuance) {}

  @OnEvent(IssuanceStatusChanged)
  async onIssuanceStatusChanged(event: CloudEvent<IssuanceStatusChangedData>): Promise<void> {
    if (!event.tenantid) return;
    await this.recordIssuance.execute(event.tenantid, event.data);
  }
}
