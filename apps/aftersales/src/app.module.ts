import { Module } from '@nestjs/common';
import { CASES_COLLECTION } from '@supply-hub/aftersales-data-access';
import { KafkaHealth, KafkaModule, kafkaOptionsFor } from '@supply-hub/kafka/nest';
import { healthCheck, PlatformModule, SERVICE_CONFIG } from '@supply-hub/platform';
import { CasesModule } from './cases/cases.module';
import type { AftersalesEnv } from './config/aftersales-env';

/** aftersales: returns, exchanges, damaged and missing goods, invalid codes, refunds, quality signals. */
@Module({
  imports: [
    PlatformModule.forService({ webhookEndpoints: true, audit: true }),
    KafkaModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: AftersalesEnv) => kafkaOptionsFor('aftersales', config, { outboxCollections: [CASES_COLLECTION] }),
    }),
    CasesModule,
  ],
  providers: [healthCheck('kafka', KafkaHealth)],
})
export class AppModule {}
