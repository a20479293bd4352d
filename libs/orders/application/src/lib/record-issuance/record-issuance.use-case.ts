import type { IssuanceStatusChangedData } from '@supply-hub/contracts';
import type { OrderStore } from '@supply-hub/orders-data-access';
import type { OrderLine } from '@supply-hub/orders-domain';
import { statusOf } from '../route-order/routing-plan';
import type { Clock } from '../shared/clock';

const LINE_STATUS: Record<IssuanceStatusChangedData['status'], OrderLine['status']> = {
  processing: 'issuing',
  issued: 'issued',
  failed: 'issue-failed',
};

export type IssuanceOutcome = 'recorded' | 'unchanged' | 'unknown-line';

/**
 * virtual-codes' word on a virtual line, onto the order the mall reads: issuing, issued, or failed with
 * the reason. Issued is final; a failed line can still be issued later (a reissue). Events of another
 * tenant's order, or of lines that are not virtual, change nothing.
 */
export class RecordIssuance {
  constructor(
    private readonly orders: OrderStore,
    private readonly clock: Clock,
  ) {}

  async execute(tenantId: string, data: IssuanceStatusChangedData): Promise<IssuanceOutcome> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const order = await this.orders.get(tenantId, data.orderId);
      const line = order?.lines.find((candidate) => candidate.lineId === data.lineId && candidate.kind === 'virtual');
      if (!order || !line) return 'unknown-line';
      const next = LINE_STATUS[data.status];
      if (line.status === next || line.status === 'issued' || line.status === 'cancelled' || (line.status === 'issue-failed' && next === 'issuing'))
        return 'unchanged';
      const lines = order.lines.map((candidate) =>
        candidate.lineId === line.lineId
          ? { ...candidate, status: next, ...(data.reason && next === 'issue-failed' ? { reason: data.reason } : {}) }
          : candidate,
      );
      const status = statusOf(lines);
      const note = `line ${line.lineId} ${data.status} (${data.issuanceId})${data.reason ? `: ${data.reason}` : ''}`;
      if (await this.orders.update(order._id, order.version, { lines, status }, [{ at: this.clock.now(), status: `line-${data.status}`, note }], []))
        return 'recorded';
    }
    throw new Error(`order ${data.orderId} kept changing while recording issuance ${data.issuanceId}`);
  }
}
