import { ForbiddenError, NotFoundError } from '@supply-hub/errors';
import type { Principal } from './principal';

/**
 * Who is asking and under which correlation id, passed as the first argument through use cases and
 * into events and logs. Built by the HTTP layer for requests and by consumers for events, so domain and
 * application code never look at headers.
 */
export class RequestContext {
  private constructor(
    readonly correlationId: string,
    readonly principal: Principal | undefined,
    /** Set for a tenant's request and for work done on a tenant's behalf (an event carrying its id). */
    readonly tenantId: string | undefined,
  ) {}

  static forPrincipal(correlationId: string, principal: Principal | undefined): RequestContext {
    return new RequestContext(correlationId, principal, principal?.kind === 'tenant' ? principal.tenantId : undefined);
  }

  /** Work the system does for a tenant without a caller, e.g. handling an event with a `tenantid`. */
  static forTenant(correlationId: string, tenantId: string): RequestContext {
    return new RequestContext(correlationId, undefined, tenantId);
  }

  static system(correlationId: string): RequestContext {
    return new RequestContext(correlationId, undefined, undefined);
  }

  /** The tenant every query of this request is scoped to; a programming error where there is none. */
  requireTenantId(): string {
    if (this.tenantId === undefined) throw new ForbiddenError('this operation acts on behalf of a tenant');
    return this.tenantId;
  }
}

/**
 * Another tenant's record is reported exactly like a missing one (404, never 403), so ids cannot be
 * probed to learn what other malls have.
 */
export function ownedByTenant<T extends { tenantId: string }>(record: T | null | undefined, tenantId: string, entity: string, id: string): T {
  if (!record || record.tenantId !== tenantId) throw new NotFoundError(entity, id);
  return record;
}
