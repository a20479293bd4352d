import {
  beijingDayOf,
  DEFAULT_QUALITY_POLICY,
  type QualityPolicy,
  qualityScoreOf,
  type QualitySubjectKind,
  type SampleInspection,
  windowDays,
} from '@supply-hub/catalog-domain';
import { type MongoQualityStore, qualitySubjectKey } from '@supply-hub/catalog-data-access';
import type { OrderRoutedData, QualitySignalRaisedData, ShipmentSlaFlaggedData } from '@supply-hub/contracts';

/**
 * Quality scores from what happens to what the catalog sells: units routed (per SKU, and per warehouse or
 * drop-ship supplier that ships them), after-sales' confirmed problems (quality signals), parcels that
 * missed the 48-hour promise, sample inspections' results. Each fact is added to its subject's day and the subject's score over the
 * window is written again; the processed-event ledger keeps a redelivered event from counting twice.
 */
export class RecordQualityFacts {
  constructor(
    private readonly store: MongoQualityStore,
    private readonly policy: QualityPolicy = DEFAULT_QUALITY_POLICY,
    /** Told when a SKU starts breaching the policy (curation suspends it, saying why). */
    private readonly onSkuBreach: (skuId: string, breach: string, at: Date) => Promise<void> = async () => undefined,
  ) {}

  async signalRaised(data: QualitySignalRaisedData): Promise<void> {
    const at = new Date(data.at);
    const signal = { kind: data.kind, units: data.quantity };
    const subjects: [QualitySubjectKind, string][] = [['sku', data.skuId]];
    if (data.supplierSourceId) subjects.push(['supplier', data.supplierSourceId]);
    if (data.warehouseId) subjects.push(['warehouse', data.warehouseId]);
    for (const [kind, id] of subjects) await this.add(kind, id, at, { signal });
  }

  async orderRouted(data: OrderRoutedData, at: Date): Promise<void> {
    for (const parcel of data.parcels) {
      const units = parcel.lines.reduce((sum, line) => sum + line.quantity, 0);
      for (const line of parcel.lines) await this.add('sku', line.skuId, at, { orderedUnits: line.quantity });
      if (parcel.supplier) await this.add('supplier', parcel.supplier.sourceId, at, { orderedUnits: units });
      if (parcel.warehouseId) await this.add('warehouse', parcel.warehouseId, at, { orderedUnits: units });
    }
  }

  async slaFlagged(data: ShipmentSlaFlaggedData): Promise<void> {
    // At risk is a warning; only a breached promise counts against the warehouse.
    if (data.level === 'breached') await this.add('warehouse', data.warehouseId, new Date(data.at), { lateDispatches: 1 });
  }

  /** An inspection's result counts for each SKU it covers and each supplier those SKUs sold from (once each). */
  async inspected(inspection: SampleInspection): Promise<void> {
    const fact = { inspection: { id: inspection.inspectionId, result: inspection.result } };
    for (const sku of inspection.skus) await this.add('sku', sku.skuId, inspection.at, fact);
    const suppliers = new Set(inspection.skus.flatMap((sku) => (sku.supplierId ? [sku.supplierId] : [])));
    for (const supplierId of suppliers) await this.add('supplier', supplierId, inspection.at, fact);
  }

  private async add(kind: QualitySubjectKind, id: string, at: Date, add: Parameters<MongoQualityStore['add']>[2]): Promise<void> {
    const subject = qualitySubjectKey(kind, id);
    await this.store.add(subject, beijingDayOf(at), add);
    const score = qualityScoreOf(await this.store.window(subject, windowDays(at, this.policy.windowDays)), this.policy);
    await this.store.saveScore({ _id: subject, kind, subjectId: id, windowDays: this.policy.windowDays, at, ...score });
    // Each fact that finds the SKU in breach says so; suspending an already suspended SKU is refused, not repeated.
    if (kind === 'sku' && score.breach) await this.onSkuBreach(id, score.breach, at);
  }
}
