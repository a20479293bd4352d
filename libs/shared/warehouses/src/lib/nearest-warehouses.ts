import { greatCircleKm } from '@supply-hub/geo';
import type { Warehouse } from './warehouse';

export interface WarehouseAtDistance<W extends Warehouse = Warehouse> {
  readonly warehouse: W;
  /** Integer metres, so that sums compare exactly and ties are real ties, not floating-point noise. */
  readonly distanceM: number;
}

/**
 * The warehouses by great-circle distance from a point, nearest first; ties go to the smaller id. The one
 * distance rule: routing picks parcels' warehouses with it, aftersales the warehouse a return goes back to.
 */
export function warehousesByDistance<W extends Warehouse>(warehouses: readonly W[], from: { lat: number; lng: number }): WarehouseAtDistance<W>[] {
  return warehouses
    .map((warehouse) => ({ warehouse, distanceM: Math.round(greatCircleKm(from, warehouse) * 1000) }))
    .sort((a, b) => a.distanceM - b.distanceM || (a.warehouse.id < b.warehouse.id ? -1 : a.warehouse.id > b.warehouse.id ? 1 : 0));
}
