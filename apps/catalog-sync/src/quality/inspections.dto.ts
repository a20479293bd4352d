import type { InspectionDocument } from '@supply-hub/catalog-data-access';
import { INSPECTION_RESULTS, type InspectionResult } from '@supply-hub/catalog-domain';
import { z } from 'zod';

export const INSPECTION_ID = /^insp_[0-9a-f]{20}$/;

const skuIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'must be 1–64 letters, digits or . _ : -');
const batchField = z.string().trim().min(1, 'must not be empty').max(64);

export const newInspectionSchema = z
  .strictObject({
    result: z.enum(INSPECTION_RESULTS as [InspectionResult, ...InspectionResult[]]).describe('fail suspends every SKU it covers'),
    skuIds: z.array(skuIdSchema).min(1, 'name at least one SKU').max(500).describe('The SKU inspected, or the SKUs the batch covers'),
    batch: z
      .strictObject({
        batchId: batchField.optional().describe('Our id of the delivery the sample came from'),
        supplierBatchNo: batchField.optional().describe('The supplier’s batch (lot) number'),
      })
      .refine((batch) => batch.batchId !== undefined || batch.supplierBatchNo !== undefined, 'give a batchId or a supplierBatchNo')
      .optional(),
    notes: z.string().trim().min(1, 'must not be empty').max(1000).describe('What was checked and found; a failure’s notes are the suspension’s reason'),
    evidenceUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(500).optional().describe('Inspection report, photos'),
    sampleSize: z.number().int().min(1).max(100_000).describe('Units sampled'),
  })
  .refine((body) => body.skuIds.length === 1 || body.batch !== undefined, { path: ['batch'], message: 'an inspection of several SKUs is of a batch: give its batchId or supplierBatchNo' });
export type NewInspectionInput = z.output<typeof newInspectionSchema>;

export const listInspectionsQuerySchema = z.strictObject({
  skuId: skuIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function inspectionView(document: InspectionDocument) {
  return {
    inspectionId: document._id,
    result: document.result,
    skus: document.skus,
    batch: document.batch ?? null,
    notes: document.notes,
    inspector: document.inspector,
    evidenceUrl: document.evidenceUrl ?? null,
    sampleSize: document.sampleSize,
    at: document.at.toISOString(),
    state: document.state,
    outcome: document.outcome ?? null,
  };
}
