import { issuanceIdFor } from '@supply-hub/codes-domain';
import type { IssuanceDocument } from '@supply-hub/codes-data-access';
import type { VirtualLineRequestedData } from '@supply-hub/contracts';
import type { CodesDependencies } from '../shared/codes-dependencies';
import { IssuanceIntake } from './issuance-intake';

/**
 * A virtual order line in: one issuance per line, whatever is redelivered or runs twice (the issuance id
 * is derived from the line and unique). A line that cannot be issued is stored failed with its refund.
 */
export class IssueVirtualLine {
  private readonly intake: IssuanceIntake;

  constructor(deps: CodesDependencies) {
    this.intake = new IssuanceIntake(deps);
  }

  async execute(tenantId: string, line: VirtualLineRequestedData): Promise<IssuanceDocument> {
    return (await this.executeMany([{ tenantId, line }]))[0]!;
  }

  /** Many lines at once (a run of the line topic): one database round for what can share one. */
  async executeMany(lines: readonly { tenantId: string; line: VirtualLineRequestedData }[]): Promise<IssuanceDocument[]> {
    return this.intake.takeInMany(
      lines.map(({ tenantId, line }) => ({
        issuanceId: issuanceIdFor(tenantId, line.orderId, line.lineId),
        tenantId,
        orderId: line.orderId,
        lineId: line.lineId,
        skuId: line.skuId,
        quantity: line.quantity,
        ...(line.unitPriceFen !== undefined ? { unitPriceFen: line.unitPriceFen } : {}),
        ...(line.account !== undefined ? { account: line.account } : {}),
      })),
    );
  }
}
