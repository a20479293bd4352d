import { DATABASE_SERVICES, SERVICES, type ServiceName } from '@supply-hub/config';
import { ValidationError } from '@supply-hub/errors';

export interface ServiceDatabase {
  service: ServiceName;
  database: string;
}

/**
 * The databases a key is written to: every service that owns one (a key works against any service,
 * as a mall uses several), or only those named with --service.
 */
export function databasesFor(names: readonly string[] | undefined): ServiceDatabase[] {
  const chosen = names && names.length > 0 ? names : DATABASE_SERVICES;
  return chosen.map((name) => {
    const database = (SERVICES as Record<string, { database: string | null } | undefined>)[name]?.database;
    if (!database) {
      throw new ValidationError(`unknown service "${name}"`, [{ path: 'service', message: `must be one of ${DATABASE_SERVICES.join(', ')}` }]);
    }
    return { service: name as ServiceName, database };
  });
}
