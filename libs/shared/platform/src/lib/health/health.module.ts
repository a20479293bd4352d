import { type DynamicModule, Global, Module } from '@nestjs/common';
import { MongooseHealthIndicator, TerminusModule } from '@nestjs/terminus';
import { HealthCheckRegistry } from './health-check.registry';
import { HEALTH_OPTIONS, HealthController } from './health.controller';

@Global()
@Module({})
export class HealthModule {
  static forRoot(options: { mongo: boolean }): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot()],
      controllers: [HealthController],
      providers: [HealthCheckRegistry, MongooseHealthIndicator, { provide: HEALTH_OPTIONS, useValue: options }],
      exports: [HealthCheckRegistry],
    };
  }
}
