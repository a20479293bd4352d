import type { Provider } from '@nestjs/common';
import { CurateProducts, RecordQualityFacts } from '@supply-hub/catalog-application';
import { MongoQualityStore } from '@supply-hub/catalog-data-access';
import { DEFAULT_QUALITY_POLICY } from '@supply-hub/catalog-domain';
import { AuditLog } from '@supply-hub/platform';
import type { Db } from 'mongodb';
import { CATALOG_DB } from '../sync/sync.tokens';

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
        const outcome = await curate.execute({ actionId, skuIds: [skuId], action: 'suspend', reason: `quality: ${breach}`, by: 'system:quality', at });
        if (outcome.applied.length > 0) {
          await audit.record(
            { kind: 'system', sub: 'quality-monitor' },
            { action: 'sku.suspend', entity: { kind: 'sku', id: skuId }, before: { status: 'approved' }, after: { status: 'suspended' }, reason: `quality: ${breach}`, requestId: actionId },
          );
        }
      }),
  },
];
