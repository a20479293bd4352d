import type { Provider } from '@nestjs/common';
import { CurateProducts, EnforceQualifications, QUALIFICATION_AUDIT_ACTOR, RecordQualifications } from '@supply-hub/catalog-application';
import { MongoCatalogStore, MongoQualificationStore } from '@supply-hub/catalog-data-access';
import { AuditLog, SERVICE_CONFIG } from '@supply-hub/platform';
import type { Db } from 'mongodb';
import type { CatalogSyncEnv } from '../config/catalog-sync-env';
import { CATALOG_DB } from '../sync/sync.tokens';

export const qualificationsProviders: Provider[] = [
  {
    provide: MongoQualificationStore,
    inject: [CATALOG_DB],
    useFactory: async (db: Db) => {
      const store = new MongoQualificationStore(db);
      await store.ensureIndexes();
      return store;
    },
  },
  { provide: RecordQualifications, inject: [MongoQualificationStore], useFactory: (store: MongoQualificationStore) => new RecordQualifications(store) },
  {
    provide: EnforceQualifications,
    inject: [MongoQualificationStore, MongoCatalogStore, CurateProducts, AuditLog, SERVICE_CONFIG],
    useFactory: (store: MongoQualificationStore, catalog: MongoCatalogStore, curate: CurateProducts, audit: AuditLog, config: CatalogSyncEnv) =>
      new EnforceQualifications(
        store,
        {
          readProducts: (skuIds) => catalog.readProducts(skuIds),
          // The one scan: only when a lapse is new (or its last scan is old), never per request.
          scanProducts: async function* () {
            for await (const product of catalog.products.find({}, { batchSize: 2_000 })) yield product.state;
          },
        },
        curate,
        // The quality monitor's actions in the audit log; the action id makes a repeat after a crash the same entry.
        async (pending, applied) => {
          const [before, after] = pending.action === 'suspend' ? ['approved', 'suspended'] : ['suspended', 'approved'];
          await audit.recordMany(
            QUALIFICATION_AUDIT_ACTOR,
            applied.map((skuId) => ({ action: `sku.${pending.action}`, entity: { kind: 'sku', id: skuId }, before: { status: before }, after: { status: after }, reason: pending.reason, requestId: pending.actionId })),
          );
        },
        { now: () => new Date(), rescanAfterMs: config.QUALIFICATION_RESCAN_INTERVAL_MS },
      ),
  },
];
