import { Module } from '@nestjs/common';
import { KafkaHealth, KafkaModule, kafkaOptionsFor } from '@supply-hub/kafka/nest';
import { healthCheck, PlatformModule, SERVICE_CONFIG } from '@supply-hub/platform';
import type { VirtualCodesEnv } from './config/virtual-codes-env';

/** virtual-codes: top-ups, card codes and coupons, issued exactly once. */
@Module({
  imports: [
    PlatformModule.forService({ webhookEndpoints: true }),
    KafkaModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: VirtualCodesEnv) => kafkaOptionsFor('virtual-codes', config),
    }),
  ],
  providers: [healthCheck('kafka', KafkaHealth)],
})
export class AppModule {}
