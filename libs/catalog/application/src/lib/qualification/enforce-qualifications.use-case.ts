import {
  brandKeyOf,
  curationStatusOf,
  DEFAULT_EXPIRY_WARNING_DAYS,
  type ExpiringQualification,
  type Lapse,
  lapseReason,
  type ProductState,
  QualificationSet,
  type StoredProduct,
} from '@supply-hub/catalog-domain';
import { type MongoQualificationStore, type PendingQualificationAction, type QualificationSuspensionDocument, qualificationSuspensionId } from '@supply-hub/catalog-data-access';
import type { CurateProducts } from '../curation/curate-products.use-case';
import { QUALIFICATION_CURATOR } from './qualification-curator';

export interface QualificationSweepReport {
  /** The 30-day warning list. */
  expiring: ExpiringQualification[];
  suspended: string[];
  restored: string[];
  /** Whether this sweep read the products (only when a lapse is new, or the last read is old). */
  scannedProducts: boolean;
}

export interface EnforceQualificationsOptions {
  now: () => Date;
  /** Read the products again for lapses already acted on after this long: SKUs a sync added since. */
  rescanAfterMs: number;
  warnWithinDays?: number;
}

type SuspensionStore = Pick<MongoQualificationStore, 'all' | 'allSuspensions' | 'suspension' | 'saveSuspension' | 'lastScan' | 'saveScan'>;

export interface QualificationCatalog {
  readProducts(skuIds: readonly string[]): Promise<Map<string, StoredProduct>>;
  /** Every product (a scan: the sweep calls it only when a lapse needs it). */
  scanProducts(): AsyncIterable<ProductState>;
}

/** Told what a suspension or reinstatement did, to write the audit log (the same action id may come twice). */
export type QualificationActionListener = (action: PendingQualificationAction, applied: readonly string[]) => Promise<void>;

/**
 * Keeps the catalog in step with supplier qualifications. When a supplier's business licence, or its
 * authorisation for a brand, has ended with nothing valid in its place, its approved SKUs of that brand
 * (products with an offer from that supplier) are suspended through CurateProducts, saying why; once it is
 * covered again, exactly the SKUs that lapse suspended, and that are still suspended by it, are reinstated.
 *
 * What a lapse suspended is kept per supplier and brand (qualification_suspensions). Each curation
 * action is written there as `pending` before it runs and cleared after, so a crash in between is
 * finished by the next run under the same action id, which CurateProducts makes idempotent.
 */
export class EnforceQualifications {
  private readonly warnWithinDays: number;

  constructor(
    private readonly store: SuspensionStore,
    private readonly catalog: QualificationCatalog,
    private readonly curate: Pick<CurateProducts, 'execute'>,
    private readonly onApplied: QualificationActionListener,
    private readonly options: EnforceQualificationsOptions,
  ) {
    this.warnWithinDays = options.warnWithinDays ?? DEFAULT_EXPIRY_WARNING_DAYS;
  }

  async sweep(): Promise<QualificationSweepReport> {
    const now = this.options.now();
    const set = new QualificationSet(await this.store.all());
    const restored = await this.restoreCovered(set, now);
    const lapses = set.lapses(now);
    const keys = lapses.map((lapse) => `${lapse.supplierId}|${lapse.kind}|${lapse.brandKey}|${lapse.validUntil}`);
    const last = await this.store.lastScan();
    const scan =
      lapses.length > 0 && (!last || keys.some((key) => !last.lapses.includes(key)) || now.getTime() - last.at.getTime() >= this.options.rescanAfterMs);
    const suspended = scan ? await this.suspendLapsed(set, lapses, now) : [];
    if (scan) await this.store.saveScan(keys, now);
    return { expiring: set.expiring(now, this.warnWithinDays), suspended, restored, scannedProducts: scan };
  }

  /** Reinstates what lapses suspended where the supplier is covered again (after a renewal is recorded). */
  async restore(): Promise<string[]> {
    const now = this.options.now();
    return this.restoreCovered(new QualificationSet(await this.store.all()), now);
  }

  private async suspendLapsed(set: QualificationSet, lapses: readonly Lapse[], now: Date): Promise<string[]> {
    const suppliers = new Set(lapses.map((lapse) => lapse.supplierId));
    const groups = new Map<string, { supplierId: string; brandKey: string; brand: string; reason: string; skuIds: string[] }>();
    for await (const product of this.catalog.scanProducts()) {
      if (curationStatusOf(product) !== 'approved') continue;
      for (const supplierId of new Set(product.offers.map((offer) => offer.sourceId))) {
        if (!suppliers.has(supplierId)) continue;
        const status = set.statusOf(supplierId, product.brand, now);
        if (status.status !== 'expired') continue;
        const brandKey = brandKeyOf(product.brand);
        const id = qualificationSuspensionId(supplierId, brandKey);
        const group = groups.get(id) ?? { supplierId, brandKey, brand: product.brand, reason: lapseReason(supplierId, product.brand, status.lapsed), skuIds: [] };
        group.skuIds.push(product.skuId);
        groups.set(id, group);
        // One suspension per SKU: a restore hands it on to another supplier's lapse that still holds it.
        break;
      }
    }
    const suspended: string[] = [];
    for (const [id, group] of groups) {
      let record = await this.store.suspension(id);
      if (record?.pending) record = await this.finishPending(record, now);
      const current: QualificationSuspensionDocument =
        record && record.state === 'suspended'
          ? record
          : { _id: id, supplierId: group.supplierId, brandKey: group.brandKey, brand: group.brand, round: (record?.round ?? 0) + 1, state: 'suspended', reason: group.reason, skuIds: [], updatedAt: now };
      const skuIds = group.skuIds.filter((skuId) => !current.skuIds.includes(skuId));
      if (skuIds.length === 0) continue;
      const pending: PendingQualificationAction = { action: 'suspend', actionId: `qualification:${id}:${current.round}:suspend:${now.getTime()}`, skuIds, reason: group.reason };
      const begun = { ...current, reason: group.reason, pending, updatedAt: now };
      const expected = record ? { round: record.round, pendingActionId: undefined } : null;
      // Another instance got there first: its run does it, or the next sweep.
      if (!(await this.store.saveSuspension(begun, expected))) continue;
      suspended.push(...(await this.carryOut(begun, now)));
    }
    return suspended;
  }

  private async restoreCovered(set: QualificationSet, now: Date): Promise<string[]> {
    const restored: string[] = [];
    for (const found of await this.store.allSuspensions()) {
      const record = found.pending ? await this.finishPending(found, now) : found;
      if (!record || record.state !== 'suspended' || set.statusOf(record.supplierId, record.brand, now).status === 'expired') continue;
      const products = await this.catalog.readProducts(record.skuIds);
      const ours = record.skuIds.filter((skuId) => {
        const curation = products.get(skuId)?.state.curation;
        // Reinstated, delisted or suspended again by staff since: theirs now, not ours to give back.
        return curation?.status === 'suspended' && curation.by === QUALIFICATION_CURATOR;
      });
      const reinstate: string[] = [];
      for (const skuId of ours) {
        const product = products.get(skuId)!.state;
        const other = [...new Set(product.offers.map((offer) => offer.sourceId))].find(
          (supplierId) => supplierId !== record.supplierId && set.statusOf(supplierId, product.brand, now).status === 'expired',
        );
        if (other) await this.handOver(set, other, product, now);
        else reinstate.push(skuId);
      }
      const pending: PendingQualificationAction = {
        action: 'reinstate',
        actionId: `qualification:${record._id}:${record.round}:reinstate`,
        skuIds: reinstate,
        reason: `supplier ${record.supplierId} is qualified for ${record.brand} again`,
      };
      const begun = { ...record, pending, updatedAt: now };
      if (!(await this.store.saveSuspension(begun, { round: record.round, pendingActionId: undefined }))) continue;
      restored.push(...(await this.carryOut(begun, now)));
    }
    return restored;
  }

  /** A SKU another supplier's lapse still holds: that lapse's record takes it, to give back when it ends. */
  private async handOver(set: QualificationSet, supplierId: string, product: ProductState, now: Date): Promise<void> {
    const status = set.statusOf(supplierId, product.brand, now);
    if (status.status !== 'expired') return;
    const id = qualificationSuspensionId(supplierId, brandKeyOf(product.brand));
    const record = await this.store.suspension(id);
    if (record?.state === 'suspended' && record.skuIds.includes(product.skuId)) return;
    const next: QualificationSuspensionDocument =
      record?.state === 'suspended'
        ? { ...record, skuIds: [...record.skuIds, product.skuId], updatedAt: now }
        : {
            _id: id,
            supplierId,
            brandKey: brandKeyOf(product.brand),
            brand: product.brand,
            round: (record?.round ?? 0) + 1,
            state: 'suspended',
            reason: lapseReason(supplierId, product.brand, status.lapsed),
            skuIds: [product.skuId],
            updatedAt: now,
          };
    const { pending: _none, ...settled } = next;
    const expected = record ? { round: record.round, pendingActionId: record.pending?.actionId } : null;
    // Thrown rather than skipped: the SKU stays with the lapse being restored, and the next run tries again.
    if (!(await this.store.saveSuspension(record?.pending ? next : settled, expected))) throw new Error(`qualification suspension ${id} changed meanwhile; handing over ${product.skuId} again next run`);
  }

  private async finishPending(record: QualificationSuspensionDocument, now: Date): Promise<QualificationSuspensionDocument | null> {
    await this.carryOut(record, now);
    return this.store.suspension(record._id);
  }

  /** Runs the record's pending action (again, after a crash: same id, same outcome) and settles the record. */
  private async carryOut(record: QualificationSuspensionDocument, now: Date): Promise<string[]> {
    const pending = record.pending!;
    const outcome =
      pending.skuIds.length === 0
        ? { applied: [] }
        : await this.curate.execute({ actionId: pending.actionId, skuIds: pending.skuIds, action: pending.action, reason: pending.reason, by: QUALIFICATION_CURATOR, at: now });
    if (outcome.applied.length > 0) await this.onApplied(pending, outcome.applied);
    const { pending: _done, ...rest } = record;
    const settled: QualificationSuspensionDocument =
      pending.action === 'suspend'
        ? { ...rest, skuIds: [...new Set([...rest.skuIds, ...outcome.applied])], updatedAt: now }
        : { ...rest, state: 'restored', skuIds: [], updatedAt: now };
    await this.store.saveSuspension(settled, { round: record.round, pendingActionId: pending.actionId });
    return outcome.applied;
  }
}
