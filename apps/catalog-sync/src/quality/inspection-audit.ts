import { inspectionSuspendReason, type SampleInspection } from '@supply-hub/catalog-domain';
import type { InspectionOutcome } from '@supply-hub/catalog-data-access';

/** The audit entries of an inspection: the inspection itself, and each SKU it suspended. */
export function auditChangesOf(inspection: SampleInspection, outcome: InspectionOutcome) {
  const suspendReason = inspectionSuspendReason(inspection.inspectionId, inspection.notes);
  return [
    {
      action: `inspection.${inspection.result}`,
      entity: { kind: 'inspection', id: inspection.inspectionId },
      after: { result: inspection.result, skus: inspection.skus, batch: inspection.batch ?? null, inspector: inspection.inspector, sampleSize: inspection.sampleSize, ...outcome },
      reason: inspection.notes,
    },
    ...outcome.suspended.map((skuId) => ({
      action: 'sku.suspend',
      entity: { kind: 'sku', id: skuId },
      before: { status: 'approved' },
      after: { status: 'suspended' },
      reason: suspendReason,
    })),
  ];
}
