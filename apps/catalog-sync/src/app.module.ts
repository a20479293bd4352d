import { Module } from '@nestjs/common';
import { CATALOG_COLLECTIONS } from '@supply-hub/catalog-data-access';
import { KafkaHealth, KafkaModule, kafkaOptionsFor } from '@supply-hub/kafka/nest';
import { healthCheck, PlatformModule, SERVICE_CONFIG } from '@supply-hub/platform';
import { CatalogModule } from './catalog/catalog.module';
import { CurationModule } from './curation/curation.module';
import { PoolsModule } from './pools/pools.module';
import { QualificationsModule } from './qualifications/qualifications.module';
import { QualityModule } from './quality/quality.module';
import { CatalogReportsModule } from './reports/catalog-reports.module';
import type { CatalogSyncEnv } from './config/catalog-sync-env';

/** catalog-sync: supplier catalogs in, the curated catalog out (SKU events), quality blacklists (blacklist events). */
@Module({
  imports: [
    PlatformModule.forService({ webhookEndpoints: false, audit: true }),
    KafkaModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      // SKU events have their own batched relay (CatalogEventRelay); the outbox carries the blacklist's and the pools' events.
      useFactory: (config: CatalogSyncEnv) =>
        kafkaOptionsFor('catalog-sync', config, { outboxCollections: [CATALOG_COLLECTIONS.blacklist, CATALOG_COLLECTIONS.selectionPools] }),
    }),
    CatalogModule,
    QualityModule,
    QualificationsModule,
    CurationModule,
    PoolsModule,
    CatalogReportsModule,
  ],
  providers: [healthCheck('kafka', KafkaHealth)],
})
export class AppModule {}
