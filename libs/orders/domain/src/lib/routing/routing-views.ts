import type { CapacityView, DropShipOffer, DropShipView, StockView } from './routing-input';
import type { Warehouse } from '@supply-hub/warehouses';

/**
 * Counts from the caller's views as whole non-negative units. Stock read from a ledger can be negative after an
 * oversell and a misconfigured view can yield NaN; neither may make a warehouse look able to ship.
 */
export function wholeUnits(value: number | undefined | null): number {
  return typeof value === 'number' && value > 0 ? Math.floor(value) : 0;
}

export function stockReader(view: StockView): (warehouseId: string, skuId: string) => number {
  if (typeof view === 'function') return (warehouseId, skuId) => wholeUnits(view(warehouseId, skuId));
  return (warehouseId, skuId) => wholeUnits(view.get(warehouseId)?.get(skuId));
}

/** Parcels left today; no entry means nothing booked yet, so the whole daily capacity. */
export function capacityReader(view: CapacityView): (warehouse: Warehouse) => number {
  if (typeof view === 'function') return (warehouse) => wholeUnits(view(warehouse.id) ?? warehouse.dailyCapacity);
  return (warehouse) => wholeUnits(view.get(warehouse.id) ?? warehouse.dailyCapacity);
}

export function dropShipReader(view: DropShipView): (skuId: string) => DropShipOffer | undefined {
  const read = typeof view === 'function' ? view : (skuId: string) => view.get(skuId);
  return (skuId) => read(skuId) ?? undefined;
}
