import { Module } from '@nestjs/common';
import { KafkaHealth, KafkaModule, kafkaOptionsFor } from '@supply-hub/kafka/nest';
import { healthCheck, PlatformModule, SERVICE_CONFIG } from '@supply-hub/platform';
import type { AftersalesEnv } from './config/aftersales-env';

/** aftersales: returns, exchanges, damaged and missing goods, refunds. */
@Module({
  imports: [
    PlatformModule.forService({ webhookEndpoints: true }),
    KafkaModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: AftersalesEnv) => kafkaOptionsFor('aftersales', config),
    }),
  ],
  providers: [healthCheck('kafka', KafkaHealth)],
})
export class AppModule {}
