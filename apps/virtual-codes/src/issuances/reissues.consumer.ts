import { Controller } from '@nestjs/common';
import { ReissueVirtualLine } from '@supply-hub/codes-application';
import { type CloudEvent, ReissueRequested, type ReissueRequestedData } from '@supply-hub/contracts';
import { OnEvent } from '@supply-hub/kafka/nest';

/**
 * aftersales' reissue requests in: verified and issued again at most once per case. An unknown line
 * (or another mall's) and a request that can never be served are dead-lettered by the consumer wrapper.
 */
@Controller()
export class ReissuesConsumer {
  constructor(private readonly reissue: ReissueVirtualLine) {}

  @OnEvent(ReissueRequested)
  async onReissueRequested(event: CloudEvent<ReissueRequestedData>): Promise<void> {
    if (!event.tenantid) return; // a tenant-scoped event: the schema makes this unreachable
    await this.reissue.execute(event.tenantid, event.data);
  }
}
