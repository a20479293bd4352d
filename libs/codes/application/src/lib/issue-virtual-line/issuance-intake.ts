import { checkTopUpAccount, type Issuance, isTerminalIssuance } from '@supply-hub/codes-domain';
import { type IssuanceDocument, toVirtualProduct } from '@supply-hub/codes-data-access';
import type { SerializedEvent } from '@supply-hub/contracts';
import { AdvanceIssuance } from '../advance-issuance/advance-issuance.use-case';
import { allocateFromPoolMany } from '../advance-issuance/pool-allocation';
import type { CodesDependencies } from '../shared/codes-dependencies';
import { moveIssuance } from '../shared/codes-events';

/** What a new issuance is for: its id (unique per line, or per case for a reissue), the line, and the account as given. */
export type IssuanceRequest = Pick<Issuance, 'issuanceId' | 'tenantId' | 'orderId' | 'lineId' | 'skuId' | 'quantity'> &
  Partial<Pick<Issuance, 'unitPriceFen' | 'reissue'>> & { account?: string };

/**
 * Takes an issuance in, exactly once whatever is redelivered or runs twice (its id is unique), and moves
 * it as far as it goes now. Pool issuances are allocated first and stored issued in one write; provider
 * and coupon issuances are stored pending (the intent) before anything is sent; one that cannot be
 * issued (no fulfilment set up, invalid account) is stored failed. Lines and reissues both come in here.
 */
export class IssuanceIntake {
  private readonly advance: AdvanceIssuance;

  constructor(private readonly deps: CodesDependencies) {
    this.advance = new AdvanceIssuance(deps);
  }

  async takeIn(request: IssuanceRequest): Promise<IssuanceDocument> {
    return (await this.takeInMany([request]))[0]!;
  }

  /**
   * takeIn for many requests, with one database round for all of them where it can: the pool issuances'
   * codes allocated together (per pool), every new issuance stored in one write. Each request's issuance
   * in its order; a request given twice gets the one issuance.
   */
  async takeInMany(requests: readonly IssuanceRequest[]): Promise<IssuanceDocument[]> {
    const unique = [...new Map(requests.map((request) => [request.issuanceId, request])).values()];
    const entries: { stored?: IssuanceDocument; first?: { issuance: Issuance; events: SerializedEvent[] } }[] = [];
    const pool: { entry: number; fresh: Issuance }[] = [];
    for (const request of unique) {
      const { account: givenAccount, ...fields } = request;
      const productDocument = await this.deps.products.getCached(request.skuId);
      const product = productDocument ? toVirtualProduct(productDocument) : undefined;
      // A pool issuance goes straight to allocation (its slots find a redelivered one's codes again); any
      // other is looked up first.
      if (product?.fulfilment !== 'pool') {
        const existing = await this.deps.issuances.getAny(request.issuanceId);
        if (existing) {
          entries.push({ stored: existing });
          continue;
        }
      }
      const now = this.deps.clock.now();
      const fresh: Issuance = { ...fields, fulfilment: product?.fulfilment ?? 'pool', status: 'pending', attempts: [], codeIds: [], createdAt: now, updatedAt: now, timeline: [] };
      let first: { issuance: Issuance; events: SerializedEvent[] } = { issuance: fresh, events: [] };
      if (!product) {
        first = moveIssuance(fresh, 'failed', `no fulfilment is set up for SKU ${request.skuId}`, now);
      } else if (product.fulfilment === 'top-up') {
        const account = checkTopUpAccount(product.accountKind ?? 'mobile', givenAccount);
        first = account.ok ? { issuance: { ...fresh, account: account.account, nextCheckAt: soon(now) }, events: [] } : moveIssuance(fresh, 'failed', `invalid account: ${account.message}`, now);
      } else if (product.fulfilment === 'pool') {
        pool.push({ entry: entries.length, fresh });
      } else {
        first = { issuance: { ...fresh, nextCheckAt: soon(now) }, events: [] };
      }
      entries.push({ first });
    }
    const allocated = await allocateFromPoolMany(
      this.deps,
      pool.map(({ fresh }) => fresh),
    );
    pool.forEach(({ entry }, index) => (entries[entry]!.first = allocated[index]));

    const toStore = entries.filter((entry) => entry.first !== undefined);
    const results = await this.deps.issuances.insertMany(toStore.map((entry) => entry.first!));
    for (const [index, entry] of toStore.entries()) {
      const { created, issuance } = results[index]!;
      entry.stored = issuance;
      if (created) continue;
      // Another delivery was first. A pool issuance's slots gave this run the same codes; if that one
      // settled otherwise (failed, codes given back), what this run drew goes back too.
      const mine = entry.first!.issuance;
      const extra = mine.codeIds.filter((codeId) => !issuance.codeIds.includes(codeId));
      if (extra.length > 0) await this.deps.pool.release(mine.skuId, mine.issuanceId, mine.quantity, this.deps.clock.now());
    }
    const byId = new Map<string, IssuanceDocument>();
    for (const entry of entries) byId.set(entry.stored!._id, await this.resume(entry.stored!));
    return requests.map((request) => byId.get(request.issuanceId)!);
  }

  /** Moves a stored issuance on if it is due (or was only just taken in); a settled one as it is. */
  async resume(document: IssuanceDocument): Promise<IssuanceDocument> {
    if (isTerminalIssuance(document.status)) return document;
    const due = !document.nextCheckAt || document.nextCheckAt.getTime() <= this.deps.clock.now().getTime();
    return due || document.status === 'pending' ? this.advance.execute(document) : document;
  }
}

// A pending issuance is stored with a check: if this process dies before moving it, the sweep does.
const soon = (now: Date) => new Date(now.getTime() + 30_000);
