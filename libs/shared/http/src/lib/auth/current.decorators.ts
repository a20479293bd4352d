import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal, StaffPrincipal } from '@supply-hub/auth';
import { ForbiddenError } from '@supply-hub/errors';
import type { HttpRequest } from '../context/http-request';
import { requestContextOf } from '../context/request-context';

function principalOf(context: ExecutionContext): Principal | undefined {
  return context.switchToHttp().getRequest<HttpRequest>().principal;
}

/** The request's context (correlation id, principal, tenant): the first argument of use cases. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext) => requestContextOf(context.switchToHttp().getRequest<HttpRequest>()));

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext) => principalOf(context));

/** The calling tenant's id; only on @TenantAuth() routes (elsewhere it is a programming error → 403). */
export const CurrentTenant = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const principal = principalOf(context);
  if (principal?.kind !== 'tenant') throw new ForbiddenError('this route acts for a tenant');
  return principal.tenantId;
});

/** The calling warehouse's id; only on @WarehouseAuth() routes. */
export const CurrentWarehouse = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const principal = principalOf(context);
  if (principal?.kind !== 'warehouse') throw new ForbiddenError('this route acts for a warehouse');
  return principal.warehouseId;
});

/** The calling staff member (subject and roles); only on @StaffAuth() routes. */
export const CurrentStaff = createParamDecorator((_data: unknown, context: ExecutionContext): StaffPrincipal => {
  const principal = principalOf(context);
  if (principal?.kind !== 'staff') throw new ForbiddenError('this route acts for staff');
  return principal;
});
