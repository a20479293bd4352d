import { Controller } from '@nestjs/common';
import { IssueVirtualLine } from '@supply-hub/codes-application';
import { type CloudEvent, VirtualLineRequested, type VirtualLineRequestedData } from '@supply-hub/contracts';
import { OnEvents } from '@supply-hub/kafka/nest';
import { CodesMetrics } from '../codes/codes-metrics.service';

/** order-router's virtual lines in: one issuance each, however often a line is delivered. */
@Controller()
export class VirtualLinesConsumer {
  constructor(
    private readonly issue: IssueVirtualLine,
    private readonly metrics: CodesMetrics,
  ) {}

  // A run of lines from one partition at once: their pool codes are allocated and their issuances stored
  // with one write per step for all of them. Idempotent by the issuance id (derived from the line,
  // unique): a redelivered line finds its slots' codes and its stored issuance again, so no ledger.
  @OnEvents(VirtualLineRequested)
  async onVirtualLinesRequested(events: readonly CloudEvent<VirtualLineRequestedData>[]): Promise<void> {
    const started = Date.now();
    // A tenant-scoped event: the schema makes a missing tenant unreachable.
    const lines = events.flatMap((event) => (event.tenantid ? [{ tenantId: event.tenantid, line: event.data }] : []));
    const issuances = await this.issue.executeMany(lines);
    const seconds = (Date.now() - started) / 1000;
    for (const issuance of issuances) this.metrics.observeIntake(issuance, seconds);
  }
}
