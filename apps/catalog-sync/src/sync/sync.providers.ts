import { hostname } from 'node:os';
import type { Provider } from '@nestjs/common';
import { CatalogEventRelay, CurationRulesCache, PageProcessor, SupplierQualityProfiles, SyncRunner } from '@supply-hub/catalog-application';
import {
  MongoCatalogStore,
  MongoCurationRuleStore,
  MongoEventBatchQueue,
  MongoQualificationStore,
  MongoQualityStore,
  MongoSourceStateStore,
  MongoSyncJobStore,
  MongoSyncLeaseStore,
} from '@supply-hub/catalog-data-access';
import { DefaultBestOfferStrategy } from '@supply-hub/catalog-domain';
import { createSupplierSources, parseSupplierSourcesConfig, type SupplierSources } from '@supply-hub/catalog-suppliers';
import { KafkaEventPublisher } from '@supply-hub/kafka';
import { driverDbProvider } from '@supply-hub/mongo';
import { SERVICE_CONFIG } from '@supply-hub/platform';
import type { Db } from 'mongodb';
import { Logger } from 'nestjs-pino';
import type { CatalogSyncEnv } from '../config/catalog-sync-env';
import { localSandboxSources } from '../config/local-sandbox-sources';
import { CATALOG_DB, SUPPLIER_SOURCES } from './sync.tokens';

export const syncProviders: Provider[] = [
  driverDbProvider(CATALOG_DB),
  {
    provide: MongoCatalogStore,
    inject: [CATALOG_DB, SERVICE_CONFIG],
    useFactory: async (db: Db, config: CatalogSyncEnv) => {
      const store = new MongoCatalogStore(db, { concurrentWrites: config.SYNC_CONCURRENT_WRITES });
      await store.ensureIndexes();
      return store;
    },
  },
  {
    provide: MongoSyncJobStore,
    inject: [CATALOG_DB],
    useFactory: async (db: Db) => {
      const jobs = new MongoSyncJobStore(db);
      await jobs.ensureIndexes();
      return jobs;
    },
  },
  { provide: MongoSourceStateStore, inject: [CATALOG_DB], useFactory: (db: Db) => new MongoSourceStateStore(db) },
  { provide: MongoSyncLeaseStore, inject: [CATALOG_DB], useFactory: (db: Db) => new MongoSyncLeaseStore(db) },
  {
    // A bad SUPPLIER_SOURCES stops the start with the field it gets wrong.
    provide: SUPPLIER_SOURCES,
    inject: [SERVICE_CONFIG],
    useFactory: (config: CatalogSyncEnv): SupplierSources =>
      createSupplierSources(config.SUPPLIER_SOURCES ? parseSupplierSourcesConfig(config.SUPPLIER_SOURCES) : localSandboxSources(config.SUPPLIER_SIM_URL)),
  },
  { provide: MongoCurationRuleStore, inject: [CATALOG_DB], useFactory: (db: Db) => new MongoCurationRuleStore(db) },
  {
    // Loaded before any sync can run: a new SKU is never decided by the defaults while rules exist.
    provide: CurationRulesCache,
    inject: [MongoCurationRuleStore, CATALOG_DB],
    useFactory: async (rules: MongoCurationRuleStore, db: Db) => {
      // "From a qualified supplier" in a rule: the recorded licences and brand authorisations.
      const cache = new CurationRulesCache(rules, new MongoQualificationStore(db));
      await cache.refresh();
      return cache;
    },
  },
  {
    // Loaded before the first sync page; SupplierScoresRefresh keeps it current.
    provide: SupplierQualityProfiles,
    inject: [CATALOG_DB],
    useFactory: async (db: Db) => {
      const quality = new MongoQualityStore(db);
      const profiles = new SupplierQualityProfiles(() => quality.supplierScores());
      await profiles.refresh();
      return profiles;
    },
  },
  {
    provide: PageProcessor,
    inject: [MongoCatalogStore, CurationRulesCache, SupplierQualityProfiles, SERVICE_CONFIG],
    useFactory: (store: MongoCatalogStore, rules: CurationRulesCache, profiles: SupplierQualityProfiles, config: CatalogSyncEnv) =>
      new PageProcessor(store, {
        strategy: new DefaultBestOfferStrategy(),
        pricing: { marginBps: config.SYNC_MARGIN_BPS },
        supplierProfile: (sourceId) => profiles.profileOf(sourceId),
        initialCuration: (product, at) => rules.decide(product, at),
      }),
  },
  {
    provide: SyncRunner,
    inject: [PageProcessor, MongoCatalogStore, MongoSyncJobStore, MongoSourceStateStore, MongoSyncLeaseStore, SUPPLIER_SOURCES, SERVICE_CONFIG, Logger],
    useFactory: (
      processor: PageProcessor,
      store: MongoCatalogStore,
      jobs: MongoSyncJobStore,
      states: MongoSourceStateStore,
      leases: MongoSyncLeaseStore,
      sources: SupplierSources,
      config: CatalogSyncEnv,
      logger: Logger,
    ) =>
      new SyncRunner({
        processor,
        store,
        jobs,
        states,
        leases,
        sourceOf: (sourceId) => sources.get(sourceId),
        holder: `${hostname()}:${process.pid}`,
        leaseTtlMs: config.SYNC_LEASE_TTL_MS,
        onError: (job, error) => logger.error({ jobId: job.jobId, sourceId: job.sourceId, err: error }, `sync job ${job.jobId} failed: ${job.error}`),
      }),
  },
  {
    provide: CatalogEventRelay,
    inject: [MongoCatalogStore, KafkaEventPublisher, SERVICE_CONFIG, Logger],
    useFactory: (store: MongoCatalogStore, publisher: KafkaEventPublisher, config: CatalogSyncEnv, logger: Logger) => {
      const relay = new CatalogEventRelay(new MongoEventBatchQueue(store), publisher, {
        intervalMs: config.CATALOG_EVENT_RELAY_INTERVAL_MS,
        logger: { warn: (message, fields) => logger.warn(fields ?? {}, message) },
      });
      store.onEventBatchSaved = (batch) => relay.offer(batch);
      return relay;
    },
  },
];
