import { Module } from '@nestjs/common';
import { ISSUANCES_COLLECTION, VIRTUAL_PRODUCTS_COLLECTION } from '@supply-hub/codes-data-access';
import { KafkaHealth, KafkaModule, kafkaOptionsFor } from '@supply-hub/kafka/nest';
import { healthCheck, PlatformModule, SERVICE_CONFIG } from '@supply-hub/platform';
import { CodesModule } from './codes/codes.module';
import type { VirtualCodesEnv } from './config/virtual-codes-env';

/** virtual-codes: top-ups, card codes and coupons, issued exactly once. */
@Module({
  imports: [
    PlatformModule.forService({ webhookEndpoints: true }),
    KafkaModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: VirtualCodesEnv) =>
        kafkaOptionsFor('virtual-codes', config, {
          outboxCollections: [ISSUANCES_COLLECTION, VIRTUAL_PRODUCTS_COLLECTION],
          // Lines of different partitions are independent (each issuance is its own line): several at once,
          // so an instance's throughput is not one line's round trips after another.
          consumer: { partitionsConsumedConcurrently: config.ISSUANCE_PARTITIONS_CONCURRENTLY },
        }),
    }),
    CodesModule,
  ],
  providers: [healthCheck('kafka', KafkaHealth)],
})
export class AppModule {}
