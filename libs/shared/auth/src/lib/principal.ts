import type { StaffRole } from './staff-token';

/** A points mall calling with its tenant API key. */
export interface TenantPrincipal {
  kind: 'tenant';
  tenantId: string;
  keyId: string;
}

/** One of the regional warehouses calling with its warehouse key. */
export interface WarehousePrincipal {
  kind: 'warehouse';
  warehouseId: string;
  keyId: string;
}

/** A supply-chain staff member with a bearer token. */
export interface StaffPrincipal {
  kind: 'staff';
  sub: string;
  roles: StaffRole[];
}

export type Principal = TenantPrincipal | WarehousePrincipal | StaffPrincipal;
export type PrincipalKind = Principal['kind'];

/** A stable, log-safe label: `tenant:mall-1`, `warehouse:wh-bj`, `staff:alice`. */
export function principalLabel(principal: Principal): string {
  switch (principal.kind) {
    case 'tenant':
      return `tenant:${principal.tenantId}`;
    case 'warehouse':
      return `warehouse:${principal.warehouseId}`;
    case 'staff':
      return `staff:${principal.sub}`;
  }
}
