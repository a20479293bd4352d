import { type Issuance, isTerminalIssuance, type VirtualProduct } from '@supply-hub/codes-domain';
import { type IssuanceDocument, issuanceDocumentOf, toIssuance, toVirtualProduct } from '@supply-hub/codes-data-access';
import type { CodesDependencies } from '../shared/codes-dependencies';
import { moveIssuance } from '../shared/codes-events';
import { allocateFromPool } from './pool-allocation';
import { nextProviderMove, type SagaWrite } from './provider-saga';

// Enough for: record attempt, answer, fallback attempt, its answer, and a lost race or two.
const MAX_MOVES = 12;

/**
 * Moves an issuance as far as it can go now: allocates pool codes, or runs the provider saga (submit,
 * query, fall back). Every move is one version-guarded write of the issuance with its events, made
 * before the provider call it prepares; a write lost to another instance means read again and decide
 * again, so two instances never act twice on one issuance.
 */
export class AdvanceIssuance {
  constructor(private readonly deps: CodesDependencies) {}

  async execute(document: IssuanceDocument): Promise<IssuanceDocument> {
    let stored = document;
    const productDocument = await this.deps.products.getCached(stored.skuId);
    const product = productDocument ? toVirtualProduct(productDocument) : undefined;
    for (let move = 0; move < MAX_MOVES && !isTerminalIssuance(stored.status); move += 1) {
      let write = await this.plan(toIssuance(stored), product);
      while (write) {
        const saved = await this.save(stored, write);
        if (!saved) {
          stored = (await this.deps.issuances.getAny(stored._id)) ?? stored;
          break;
        }
        stored = saved;
        if (write.afterwards) write = await write.afterwards();
        else if (write.again) break;
        else return stored;
      }
      if (!write) return stored;
    }
    return stored;
  }

  /** The write stored (or nothing to store): the document as it now is; null when another write came first. */
  private async save(stored: IssuanceDocument, write: SagaWrite): Promise<IssuanceDocument | null> {
    if (!write.issuance) return stored;
    if (!(await this.deps.issuances.update(write.issuance, stored.version, write.events ?? []))) return null;
    return issuanceDocumentOf(write.issuance, stored.version + 1);
  }

  private async plan(issuance: Issuance, product: VirtualProduct | undefined): Promise<SagaWrite | undefined> {
    const now = this.deps.clock.now();
    if (!product) return moveIssuance(issuance, 'failed', `no fulfilment is set up for SKU ${issuance.skuId}`, now);
    switch (product.fulfilment) {
      case 'pool':
        return allocateFromPool(this.deps, issuance);
      case 'top-up':
      case 'card-purchase':
        return nextProviderMove(this.deps, issuance, product);
      case 'coupon': {
        // The mall's own coupon system, as the one provider of its coupon lines (asked under the same
        // request id until it answers; a refusal fails the line with a refund).
        const system = await this.deps.couponSystems.providerFor(issuance.tenantId);
        if (!system) return moveIssuance(issuance, 'failed', 'the mall has no coupon system registered (PUT /coupon-system)', now);
        const deps = { ...this.deps, providers: { get: (id: string) => (id === system.id ? system : this.deps.providers.get(id)) } };
        return nextProviderMove(deps, issuance, { ...product, providers: [{ providerId: system.id, providerProductId: issuance.skuId }] });
      }
    }
  }
}
