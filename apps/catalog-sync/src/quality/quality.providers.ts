import type { Provider } from '@nestjs/common';
import { CurateProducts, RecordQualityFacts, RecordSampleInspection, ReportElimination } from '@supply-hub/catalog-application';
import { MongoCatalogStore, MongoEliminationReader, MongoInspectionStore, MongoQualityStore } from '@supply-hub/catalog-data-access';
import { DEFAULT_QUALITY_POLICY, QUALITY_MONITOR_ACTOR } from '@supply-hub/catalog-domain';
import { AuditLog } from '@supply-hub/platform';
import type { Db } from 'mongodb';
import { CATALOG_DB } from '../sync/sync.tokens';
import { auditChangesOf } from './inspection-audit';

export const qualityProviders: Provider[] = [
  {
    provide: MongoQualityStore,
    inject: [CATALOG_DB],
    useFactory: async (db: Db) => {
      const store = new MongoQualityStore(db);
      await store.ensureIndexes();
      return store;
    },
  },
  {
    provide: RecordQualityFacts,
    inject: [MongoQualityStore, CurateProducts, AuditLog],
    useFactory: (store: MongoQualityStore, curate: CurateProducts, audit: AuditLog) =>
      new RecordQualityFacts(store, DEFAULT_QUALITY_POLICY, async (skuId, breach, at) => {
        // One suspension per SKU and day at most (the action id), by the quality monitor, in the audit log.
        const actionId = `quality:${skuId}:${at.toISOString().slice(0, 10)}`;
        const outcome = await curate.execute({ actionId, skuIds: [skuId], action: 'suspend', reason: `quality: ${breach}`, by: QUALITY_MONITOR_ACTOR, at });
        if (outcome.applied.length > 0) {
          await audit.record(
            { kind: 'system', sub: 'quality-monitor' },
            { action: 'sku.suspend', entity: { kind: 'sku', id: skuId }, before: { status: 'approved' }, after: { status: 'suspended' }, reason: `quality: ${breach}`, requestId: actionId },
          );
        }
      }),
  },
  {
    provide: MongoInspectionStore,
    inject: [CATALOG_DB],
    useFactory: async (db: Db) => {
      const store = new MongoInspectionStore(db);
      await store.ensureIndexes();
      return store;
    },
  },
  {
    provide: RecordSampleInspection,
    inject: [MongoCatalogStore, MongoInspectionStore, CurateProducts, RecordQualityFacts, AuditLog],
    useFactory: (catalog: MongoCatalogStore, inspections: MongoInspectionStore, curate: CurateProducts, facts: RecordQualityFacts, audit: AuditLog) =>
      new RecordSampleInspection({
        catalog,
        inspections,
        curate,
        facts,
        // Out of the request that recorded it: the entries name the inspector in what they record, and land once.
        onResumed: async ({ inspection, outcome }) => {
          const changes = auditChangesOf(inspection, outcome).map((change) => ({ ...change, requestId: inspection.inspectionId }));
          await audit.recordMany({ kind: 'system', sub: 'inspection-recovery' }, changes);
        },
      }),
  },
  { provide: ReportElimination, inject: [CATALOG_DB], useFactory: (db: Db) => new ReportElimination(new MongoEliminationReader(db)) },
];
