import { Injectable } from '@nestjs/common';

/**
 * A named dependency check for GET /health. Down: it throws, resolves to `false` or to
 * `{ status: 'down', error }`. Up: anything else; an object's fields are shown as details.
 */
export type HealthCheckFn = () => Promise<unknown> | unknown;

/** Checks beyond Mongo, registered by the modules that own the dependency (Kafka, see healthCheck()). */
@Injectable()
export class HealthCheckRegistry {
  private readonly checks = new Map<string, HealthCheckFn>();

  register(name: string, check: HealthCheckFn): void {
    if (this.checks.has(name)) throw new Error(`a health check named "${name}" is registered already`);
    this.checks.set(name, check);
  }

  entries(): Array<[string, HealthCheckFn]> {
    return [...this.checks.entries()];
  }
}
