import { ForbiddenError, NotFoundError } from '@supply-hub/errors';
import { principalLabel } from './principal';
import { ownedByTenant, RequestContext } from './request-context';

describe('request context', () => {
  it('scopes a tenant principal to its tenant', () => {
    const ctx = RequestContext.forPrincipal('req-1', { kind: 'tenant', tenantId: 'mall-1', keyId: 'key_x' });
    expect(ctx.requireTenantId()).toBe('mall-1');
    expect(ctx.correlationId).toBe('req-1');
  });

  it('has no tenant for staff or warehouses', () => {
    const staff = RequestContext.forPrincipal('req-2', { kind: 'staff', sub: 'alice', roles: ['admin'] });
    expect(staff.tenantId).toBeUndefined();
    expect(() => staff.requireTenantId()).toThrow(ForbiddenError);
    expect(RequestContext.forTenant('evt-1', 'mall-2').requireTenantId()).toBe('mall-2');
  });

  it("reports another tenant's record as not found", () => {
    const record = { id: 'we_1', tenantId: 'mall-1' };
    expect(ownedByTenant(record, 'mall-1', 'webhook endpoint', 'we_1')).toBe(record);
    expect(() => ownedByTenant(record, 'mall-2', 'webhook endpoint', 'we_1')).toThrow(NotFoundError);
    expect(() => ownedByTenant(null, 'mall-2', 'webhook endpoint', 'we_1')).toThrow(NotFoundError);
  });

  it('labels principals for logs', () => {
    expect(principalLabel({ kind: 'warehouse', warehouseId: 'wh-bj', keyId: 'key_1' })).toBe('warehouse:wh-bj');
  });
});
