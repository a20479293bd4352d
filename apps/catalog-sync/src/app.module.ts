import { Module } from '@nestjs/common';
import { KafkaHealth, KafkaModule, kafkaOptionsFor } from '@supply-hub/kafka/nest';
import { healthCheck, PlatformModule, SERVICE_CONFIG } from '@supply-hub/platform';
import { CatalogModule } from './catalog/catalog.module';
import type { CatalogSyncEnv } from './config/catalog-sync-env';

/** catalog-sync: supplier catalogs in, the curated catalog out (SKU events). */
@Module({
  imports: [
    PlatformModule.forService({ webhookEndpoints: false }),
    KafkaModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: CatalogSyncEnv) => kafkaOptionsFor('catalog-sync', config),
    }),
    CatalogModule,
  ],
  providers: [healthCheck('kafka', KafkaHealth)],
})
export class AppModule {}
