import { Controller } from '@nestjs/common';
import { IssueVirtualLine } from '@supply-hub/codes-application';
import { type CloudEvent, VirtualLineRequested, type VirtualLineRequestedData } from '@supply-hub/contracts';
import { OnEvent } from '@supply-hub/kafka/nest';
import { CodesMetrics } from '../codes/codes-metrics.service';

/** order-router's virtual lines in: one issuance each, however often a line is delivered. */
@Controller()
export class VirtualLinesConsumer {
  constructor(
    private readonly issue: IssueVirtualLine,
    private readonly metrics: CodesMetrics,
  ) {}

  // Idempotent by the issuance id (derived from the line, unique): a redelivered line finds its slots'
  // codes and its stored issuance again, so the ledger's read and write per line are not needed.
  @OnEvent(VirtualLineRequested, { idempotent: true })
  async onVirtualLineRequested(event: CloudEvent<VirtualLineRequestedData>): Promise<void> {
    if (!event.tenantid) return; // a tenant-scoped event: the schema makes this unreachable
    const started = Date.now();
    const issuance = await this.issue.execute(event.tenantid, event.data);
    this.metrics.observeIntake(issuance, (Date.now() - started) / 1000);
  }
}
