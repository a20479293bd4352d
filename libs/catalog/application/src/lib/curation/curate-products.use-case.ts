import { type CatalogStore, classifyChange, curate, type CurationAction, productContentHash, type StoredProduct } from '@supply-hub/catalog-domain';
import type { CurationActionDocument, CurationOutcome, MongoCurationActionStore } from '@supply-hub/catalog-data-access';
import type { SerializedEvent } from '@supply-hub/contracts';
import { isDuplicateKeyError } from '@supply-hub/mongo';
import { skuEventFor } from '../sync/sku-events';

const CHUNK = 200;
const MAX_CAS_ATTEMPTS = 5;

export interface CurationRequest {
  /** Unique per staff action (a retried request with the same id is the same action). */
  actionId: string;
  skuIds: readonly string[];
  action: CurationAction;
  reason: string;
  by: string;
  at: Date;
}

/**
 * Staff's decisions on SKUs (approve, reject, suspend, delist, reinstate, put back for review): the action
 * is recorded first, then each product is rewritten by version (a sync writing the same product at once
 * makes it read again and decide again), then the SKU events go out through the catalog's event batches
 * and relay, like a sync page's. A suspension or delisting is announced as SkuDelisted with its reason, so
 * order-router refuses the SKU and the mall catalog hides it; a reinstatement as SkuUpserted.
 */
export class CurateProducts {
  constructor(
    private readonly store: Pick<CatalogStore, 'readProducts' | 'replaceProduct' | 'saveEventBatch'>,
    private readonly actions: Pick<MongoCurationActionStore, 'begin' | 'finish' | 'unfinished'>,
  ) {}

  async execute(request: CurationRequest): Promise<CurationOutcome> {
    return (await this.start(request)).done;
  }

  /**
   * Records the action and starts carrying it out: once this resolves the action is safe (a crash later is
   * finished by resume), so a bulk action over thousands of SKUs can be answered before it is done.
   */
  async start(request: CurationRequest): Promise<{ done: Promise<CurationOutcome> }> {
    const action = await this.actions.begin({ _id: request.actionId, skuIds: [...new Set(request.skuIds)], action: request.action, reason: request.reason, by: request.by, at: request.at });
    if (action.state === 'done' && action.outcome) return { done: Promise.resolve(action.outcome) };
    return { done: this.carryOut(action) };
  }

  /**
   * Carries out actions a dead process left running (at start-up, and now and then); `finished` hears each
   * one's outcome (what the dead process would have audited).
   */
  async resume(before: Date, finished: (action: CurationActionDocument, outcome: CurationOutcome) => Promise<void> = async () => undefined): Promise<number> {
    const unfinished = await this.actions.unfinished(before, 50);
    for (const action of unfinished) await finished(action, await this.carryOut(action));
    return unfinished.length;
  }

  private async carryOut(action: CurationActionDocument): Promise<CurationOutcome> {
    const pageKey = `curation:${action._id}`;
    const outcome: CurationOutcome = { applied: [], refused: [], unknown: [] };
    for (let start = 0, chunk = 0; start < action.skuIds.length; start += CHUNK, chunk++) {
      const events: SerializedEvent[] = [];
      for (const skuId of action.skuIds.slice(start, start + CHUNK)) {
        const result = await this.curateOne(skuId, action, pageKey);
        if (result.kind === 'unknown') outcome.unknown.push(skuId);
        else if (result.kind === 'refused') outcome.refused.push({ skuId, reason: result.reason });
        else {
          outcome.applied.push(skuId);
          if (result.event) events.push(result.event);
        }
      }
      if (events.length > 0) await this.saveBatch(`${pageKey}:${chunk}`, events, action.at);
    }
    await this.actions.finish(action._id, outcome);
    return outcome;
  }

  private async curateOne(
    skuId: string,
    action: CurationActionDocument,
    pageKey: string,
  ): Promise<{ kind: 'unknown' } | { kind: 'refused'; reason: string } | { kind: 'applied'; event: SerializedEvent | undefined }> {
    for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      const stored = (await this.store.readProducts([skuId])).get(skuId);
      if (!stored) return { kind: 'unknown' };
      // Written by this very action before a crash: announce what it wrote again, decide nothing anew.
      // (A SKU it took off sale is announced as delisted again, with the reason, like the first time.)
      if (stored.lastPageKey === pageKey) {
        const kind = stored.state.delistedReason !== null ? 'delisted' : 'reannounce';
        return { kind: 'applied', event: skuEventFor(kind, undefined, stored.state, stored.version, action.at) };
      }
      const decided = curate(stored.state, action.action, { reason: action.reason, by: action.by, at: action.at });
      if (!decided.ok) return { kind: 'refused', reason: decided.refusal };
      const version = stored.version + 1;
      const next: StoredProduct = { ...stored, state: decided.product, version, contentHash: productContentHash(decided.product), lastPageKey: pageKey, updatedAt: action.at };
      if (!(await this.store.replaceProduct(next, stored.version))) continue;
      return { kind: 'applied', event: skuEventFor(classifyChange(stored.state, decided.product), stored.state, decided.product, version, action.at) };
    }
    throw new Error(`product ${skuId}: gave up after ${MAX_CAS_ATTEMPTS} concurrent changes`);
  }

  private async saveBatch(id: string, events: SerializedEvent[], at: Date): Promise<void> {
    try {
      await this.store.saveEventBatch({ id, sourceId: 'curation', events, createdAt: at });
    } catch (error) {
      // Saved before a crash: the relay has it (or has published it already).
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}
