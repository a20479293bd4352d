import type { FactoryProvider, InjectionToken } from '@nestjs/common';
import { HealthCheckRegistry } from './health-check.registry';

/** Anything with a `check()`: the Kafka module's KafkaHealth, a supplier client, ... */
export interface HealthCheckable {
  check(): Promise<unknown> | unknown;
}

/**
 * Adds a named check to GET /health, in one line of an app module's providers:
 * `providers: [healthCheck('kafka', KafkaHealth)]`. The target is resolved from the app module's scope,
 * so the module that provides it only has to export it.
 */
export function healthCheck(name: string, target: InjectionToken<HealthCheckable>): FactoryProvider<string> {
  return {
    provide: `supplyhub:health-check:${name}`,
    useFactory: (registry: HealthCheckRegistry, checkable: HealthCheckable) => {
      registry.register(name, () => checkable.check());
      return name;
    },
    inject: [HealthCheckRegistry, target],
  };
}
