import { describeCallers, isAdmitted } from './caller-policy';

const tenant = { kind: 'tenant', tenantId: 'mall-1', keyId: 'key_1' } as const;
const warehouse = { kind: 'warehouse', warehouseId: 'wh-bj', keyId: 'key_2' } as const;
const curator = { kind: 'staff', sub: 'alice', roles: ['curator'] } as const;

describe('caller policy', () => {
  it('admits only the declared kinds', () => {
    expect(isAdmitted([{ kind: 'tenant' }], tenant)).toBe(true);
    expect(isAdmitted([{ kind: 'tenant' }], warehouse)).toBe(false);
    expect(isAdmitted([{ kind: 'tenant' }, { kind: 'warehouse' }], warehouse)).toBe(true);
  });

  it('admits staff holding one of the roles', () => {
    expect(isAdmitted([{ kind: 'staff', roles: ['curator', 'admin'] }], { ...curator, roles: ['curator'] })).toBe(true);
    expect(isAdmitted([{ kind: 'staff', roles: ['admin'] }], { ...curator, roles: ['curator'] })).toBe(false);
    expect(isAdmitted([{ kind: 'tenant' }], { ...curator, roles: ['curator'] })).toBe(false);
  });

  it('admits nobody on a route that declares no callers', () => {
    expect(isAdmitted([], tenant)).toBe(false);
    expect(describeCallers([])).toBe('this route declares no callers');
  });

  it('describes what a route wants', () => {
    expect(describeCallers([{ kind: 'tenant' }, { kind: 'staff', roles: ['curator', 'admin'] }])).toBe(
      'this route is for tenant keys, or staff with role curator or admin',
    );
  });
});
