import { checkTopUpAccount, type Issuance, issuanceIdFor, isTerminalIssuance } from '@supply-hub/codes-domain';
import { type IssuanceDocument, toVirtualProduct } from '@supply-hub/codes-data-access';
import type { VirtualLineRequestedData } from '@supply-hub/contracts';
import { AdvanceIssuance } from '../advance-issuance/advance-issuance.use-case';
import { allocateFromPool } from '../advance-issuance/pool-allocation';
import type { CodesDependencies } from '../shared/codes-dependencies';
import { moveIssuance } from '../shared/codes-events';

/**
 * A virtual order line in: one issuance per line, whatever is redelivered or runs twice (the issuance id
 * is derived from the line and unique). Pool lines are allocated first and stored issued in one write;
 * provider lines are stored pending (the intent) before anything is sent; a line that cannot be issued
 * (no fulfilment set up, invalid account) is stored failed with its refund.
 */
export class IssueVirtualLine {
  private readonly advance: AdvanceIssuance;

  constructor(private readonly deps: CodesDependencies) {
    this.advance = new AdvanceIssuance(deps);
  }

  async execute(tenantId: string, line: VirtualLineRequestedData): Promise<IssuanceDocument> {
    const issuanceId = issuanceIdFor(tenantId, line.orderId, line.lineId);
    const productDocument = await this.deps.products.getCached(line.skuId);
    const product = productDocument ? toVirtualProduct(productDocument) : undefined;
    // A pool line goes straight to allocation (its slots find a redelivered line's codes again); any
    // other line is looked up first.
    if (product?.fulfilment !== 'pool') {
      const existing = await this.deps.issuances.getAny(issuanceId);
      if (existing) return this.resume(existing);
    }

    const now = this.deps.clock.now();
    const fresh: Issuance = {
      issuanceId,
      tenantId,
      orderId: line.orderId,
      lineId: line.lineId,
      skuId: line.skuId,
      quantity: line.quantity,
      ...(line.unitPriceFen !== undefined ? { unitPriceFen: line.unitPriceFen } : {}),
      fulfilment: product?.fulfilment ?? 'pool',
      status: 'pending',
      attempts: [],
      codeIds: [],
      createdAt: now,
      updatedAt: now,
      timeline: [],
    };
    let first: { issuance: Issuance; events: IssuanceEventsOf } = { issuance: fresh, events: [] };
    if (!product) {
      first = moveIssuance(fresh, 'failed', `no fulfilment is set up for SKU ${line.skuId}`, now);
    } else if (product.fulfilment === 'top-up') {
      const account = checkTopUpAccount(product.accountKind ?? 'mobile', line.account);
      first = account.ok ? { issuance: { ...fresh, account: account.account, nextCheckAt: soon(now) }, events: [] } : moveIssuance(fresh, 'failed', `invalid account: ${account.message}`, now);
    } else if (product.fulfilment === 'pool') {
      first = await allocateFromPool(this.deps, fresh);
    } else {
      first = { issuance: { ...fresh, nextCheckAt: soon(now) }, events: [] };
    }
    const { created, issuance } = await this.deps.issuances.insert(first.issuance, first.events);
    if (!created) {
      // Another delivery of the line was first. A pool line's slots gave this run the same codes; if that
      // issuance settled otherwise (failed, codes given back), what this run drew goes back too.
      const extra = first.issuance.codeIds.filter((codeId) => !issuance.codeIds.includes(codeId));
      if (extra.length > 0) await this.deps.pool.release(line.skuId, issuanceId, line.quantity, now);
    }
    return this.resume(issuance);
  }

  private async resume(document: IssuanceDocument): Promise<IssuanceDocument> {
    if (isTerminalIssuance(document.status)) return document;
    const due = !document.nextCheckAt || document.nextCheckAt.getTime() <= this.deps.clock.now().getTime();
    return due || document.status === 'pending' ? this.advance.execute(document) : document;
  }
}

// A pending issuance is stored with a check: if this process dies before moving it, the sweep does.
const soon = (now: Date) => new Date(now.getTime() + 30_000);

type IssuanceEventsOf = ReturnType<typeof moveIssuance>['events'];
