import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import type { StaffRole } from '@supply-hub/auth';
import { ApiProblemResponses } from '../problem/api-problem-responses';
import type { CallerRequirement } from './caller-policy';

export const IS_PUBLIC = 'supplyhub:is-public';
export const ROUTE_CALLERS = 'supplyhub:route-callers';
/** Names of the security schemes in the OpenAPI document. */
export const API_KEY_SECURITY = 'api-key';
export const STAFF_TOKEN_SECURITY = 'staff-token';

/** No credentials needed: health, metrics, docs. Everything else is authenticated. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Callable with a tenant (points mall) API key. Combine with other *Auth decorators to admit several kinds. */
export const TenantAuth = () => applyDecorators(admit({ kind: 'tenant' }), ApiSecurity(API_KEY_SECURITY), ApiProblemResponses(401, 403));

/** Callable with a warehouse API key. */
export const WarehouseAuth = () => applyDecorators(admit({ kind: 'warehouse' }), ApiSecurity(API_KEY_SECURITY), ApiProblemResponses(401, 403));

/** Callable with a staff bearer token holding at least one of `roles` (roles do not imply each other). */
export const StaffAuth = (...roles: [StaffRole, ...StaffRole[]]) =>
  applyDecorators(admit({ kind: 'staff', roles }), ApiBearerAuth(STAFF_TOKEN_SECURITY), ApiProblemResponses(401, 403));

/**
 * Appends rather than replaces, so `@TenantAuth() @StaffAuth('admin')` admits both. Method-level
 * declarations override the controller's (the guard reads the handler's list first).
 */
function admit(caller: CallerRequirement): ClassDecorator & MethodDecorator {
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const where = descriptor ? (descriptor.value as object) : target;
    const existing = (Reflect.getOwnMetadata(ROUTE_CALLERS, where) as CallerRequirement[] | undefined) ?? [];
    Reflect.defineMetadata(ROUTE_CALLERS, [...existing, caller], where);
  };
}
