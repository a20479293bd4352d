import {
  type CatalogStore,
  type InspectedSku,
  type InspectionBatch,
  type InspectionResult,
  inspectionSuspendReason,
  type SampleInspection,
  type StoredProduct,
} from '@supply-hub/catalog-domain';
import { type InspectionDocument, type InspectionOutcome, inspectionOf, type MongoInspectionStore } from '@supply-hub/catalog-data-access';
import { ValidationError } from '@supply-hub/errors';
import type { CurateProducts } from '../curation/curate-products.use-case';
import type { RecordQualityFacts } from './record-quality-facts.use-case';

export interface SampleInspectionRequest {
  /** Unique per inspection (a retried request with the same id is the same inspection). */
  inspectionId: string;
  result: InspectionResult;
  skuIds: readonly string[];
  batch?: InspectionBatch;
  notes: string;
  inspector: string;
  evidenceUrl?: string;
  sampleSize: number;
  at: Date;
}

export interface RecordedInspection {
  inspection: SampleInspection;
  outcome: InspectionOutcome;
}

export interface RecordSampleInspectionDependencies {
  catalog: Pick<CatalogStore, 'readProducts'>;
  inspections: Pick<MongoInspectionStore, 'begin' | 'finish' | 'unfinished'>;
  curate: Pick<CurateProducts, 'execute'>;
  facts: Pick<RecordQualityFacts, 'inspected'>;
  /** Told of each inspection a dead process left open and this one carried out (the controller audits the others). */
  onResumed?: (recorded: RecordedInspection) => Promise<void>;
}

/**
 * Sample inspections (抽检): the inspection is stored first, then a failure suspends its SKUs through
 * curation (one action per inspection, so a repeat suspends nothing twice), then the result counts in the
 * SKUs' and their suppliers' quality scores (kept by inspection id, so a repeat counts once), then it is
 * marked done. A process that dies in between leaves it open, and resume() carries it out again.
 */
export class RecordSampleInspection {
  constructor(private readonly deps: RecordSampleInspectionDependencies) {}

  /** Records the inspection; an unknown SKU is a ValidationError naming it, with nothing recorded. */
  async execute(request: SampleInspectionRequest): Promise<RecordedInspection> {
    const skuIds = [...new Set(request.skuIds)];
    const products = await this.deps.catalog.readProducts(skuIds);
    const unknown = request.skuIds.flatMap((skuId, index) => (products.has(skuId) ? [] : [{ skuId, index }]));
    if (unknown.length > 0) {
      throw new ValidationError(
        `unknown SKU${unknown.length > 1 ? 's' : ''}: ${unknown.map(({ skuId }) => skuId).join(', ')}`,
        unknown.map(({ skuId, index }) => ({ path: `skuIds.${index}`, message: `unknown SKU ${skuId}` })),
      );
    }
    const { skuIds: _skuIds, ...fields } = request;
    const document = await this.deps.inspections.begin({ ...fields, skus: skuIds.map((skuId) => inspectedSku(products.get(skuId)!)) });
    if (document.state === 'done' && document.outcome) return { inspection: inspectionOf(document), outcome: document.outcome };
    return this.carryOut(document);
  }

  /** Carries out inspections a dead process left open (at start-up, and now and then). */
  async resume(before: Date): Promise<number> {
    const unfinished = await this.deps.inspections.unfinished(before, 50);
    for (const document of unfinished) {
      const recorded = await this.carryOut(document);
      await this.deps.onResumed?.(recorded);
    }
    return unfinished.length;
  }

  private async carryOut(document: InspectionDocument): Promise<RecordedInspection> {
    const inspection = inspectionOf(document);
    const outcome: InspectionOutcome = { suspended: [], notSuspended: [] };
    if (inspection.result === 'fail') {
      const curated = await this.deps.curate.execute({
        actionId: `inspection:${inspection.inspectionId}`,
        skuIds: inspection.skus.map((sku) => sku.skuId),
        action: 'suspend',
        reason: inspectionSuspendReason(inspection.inspectionId, inspection.notes),
        by: inspection.inspector,
        at: inspection.at,
      });
      outcome.suspended = curated.applied;
      // Already suspended, pending, delisted…: the inspection stands, the SKU is reported, not an error.
      outcome.notSuspended = [...curated.refused, ...curated.unknown.map((skuId) => ({ skuId, reason: 'the SKU is no longer in the catalog' }))];
    }
    await this.deps.facts.inspected(inspection);
    await this.deps.inspections.finish(inspection.inspectionId, outcome);
    return { inspection, outcome };
  }
}

/** The SKU with the supplier its best offer comes from (none when no offer is left). */
function inspectedSku(product: StoredProduct): InspectedSku {
  const best = product.state.offers.find((offer) => offer.offerId === product.state.bestOfferId);
  return { skuId: product.state.skuId, supplierId: best?.sourceId ?? null };
}
