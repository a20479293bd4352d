import { ForbiddenError } from '@supply-hub/errors';
import type { Warehouse } from '@supply-hub/orders-domain';

/** A warehouse key belongs to one configured warehouse; a key for any other id is refused. */
export function requireConfiguredWarehouse(warehouses: readonly Warehouse[], warehouseId: string): Warehouse {
  const warehouse = warehouses.find((candidate) => candidate.id === warehouseId);
  if (!warehouse) throw new ForbiddenError(`warehouse ${warehouseId} is not configured in this order-router`);
  return warehouse;
}
