/** The outcome of a sample inspection (抽检). */
export type InspectionResult = 'pass' | 'fail';

export const INSPECTION_RESULTS: readonly InspectionResult[] = ['pass', 'fail'];

/** Which delivery the sample came from: our batch id, the supplier's batch (lot) number, or both. */
export interface InspectionBatch {
  batchId?: string;
  supplierBatchNo?: string;
}

/** A SKU the inspection covers, with the supplier it sold from when recorded (that supplier's score takes the result too). */
export interface InspectedSku {
  skuId: string;
  supplierId: string | null;
}

/** A recorded sample inspection: one SKU, or the SKUs of one batch. */
export interface SampleInspection {
  inspectionId: string;
  result: InspectionResult;
  skus: InspectedSku[];
  batch?: InspectionBatch;
  notes: string;
  /** The staff subject who recorded it. */
  inspector: string;
  evidenceUrl?: string;
  sampleSize: number;
  at: Date;
}

const SUSPEND_REASON_PREFIX = 'sample inspection ';

/** Why a failed inspection suspends its SKUs; the elimination report recognises it by its beginning. */
export function inspectionSuspendReason(inspectionId: string, notes: string): string {
  return `${SUSPEND_REASON_PREFIX}${inspectionId} failed: ${notes}`;
}

export function isInspectionSuspendReason(reason: string): boolean {
  return reason.startsWith(SUSPEND_REASON_PREFIX);
}
