import { NotFoundError } from '@supply-hub/errors';
import type { Model } from 'mongoose';
import { TenantScopedRepository } from './tenant-scoped.repository';

interface Order {
  _id: string;
  tenantId: string;
  status: string;
}

class OrderRepository extends TenantScopedRepository<Order> {
  constructor(model: Model<Order>) {
    super(model, 'order');
  }
}

/** Records the filters the repository sends; enough to check scoping without a database. */
function fakeModel(found: Order | null = null) {
  const calls: Array<{ method: string; filter: unknown; update?: unknown }> = [];
  const query = (result: unknown) => ({ lean: () => ({ exec: async () => result }), exec: async () => result, sort: () => query(result) });
  const model = {
    findOne: (filter: unknown) => (calls.push({ method: 'findOne', filter }), query(found)),
    find: (filter: unknown) => (calls.push({ method: 'find', filter }), query([])),
    updateOne: (filter: unknown, update: unknown) => (calls.push({ method: 'updateOne', filter, update }), query({ matchedCount: 1 })),
    deleteOne: (filter: unknown) => (calls.push({ method: 'deleteOne', filter }), query({ deletedCount: 0 })),
  };
  return { model: model as unknown as Model<Order>, calls };
}

describe('TenantScopedRepository', () => {
  it('adds the tenant to every filter', async () => {
    const { model, calls } = fakeModel();
    const orders = new OrderRepository(model);
    await orders.findOne('mall-1', { _id: 'o-1' });
    await orders.find('mall-1', { status: 'open' });
    await orders.updateOne('mall-1', { _id: 'o-1', status: 'open' }, { $set: { status: 'routed' } });
    await orders.deleteOne('mall-1', { _id: 'o-1' });
    expect(calls.map((call) => call.filter)).toEqual([
      { _id: 'o-1', tenantId: 'mall-1' },
      { status: 'open', tenantId: 'mall-1' },
      { _id: 'o-1', status: 'open', tenantId: 'mall-1' },
      { _id: 'o-1', tenantId: 'mall-1' },
    ]);
  });

  it('reports a record outside the tenant as not found', async () => {
    const orders = new OrderRepository(fakeModel(null).model);
    await expect(orders.getOne('mall-2', { _id: 'o-1' }, 'o-1')).rejects.toThrow(new NotFoundError('order', 'o-1'));
  });

  it('refuses filters and updates that name the tenant, and empty tenant ids', async () => {
    const orders = new OrderRepository(fakeModel().model);
    // @ts-expect-error the tenant is the first argument, never part of the filter
    await expect(orders.find('mall-1', { tenantId: 'mall-2' })).rejects.toThrow(/must not name tenantId/);
    await expect(orders.updateOne('mall-1', { _id: 'o-1' }, { $set: { tenantId: 'mall-2' } })).rejects.toThrow(/never moves to another tenant/);
    await expect(orders.findOne('', { _id: 'o-1' })).rejects.toThrow(/tenant id is required/);
  });
});
