import { resolveCity, type AddressQuery } from '@supply-hub/geo';
import type { DropShipOffer, PhysicalLine, RoutingDestination, RoutingInput } from '../routing-input';
import { DEFAULT_WAREHOUSES } from '@supply-hub/warehouses';

/** A destination from an address, resolved the way order intake does it; a typo in a test fails loudly. */
export function destinationOf(address: AddressQuery): RoutingDestination {
  const result = resolveCity(address);
  if (!result.ok) throw new Error(`test address ${JSON.stringify(address)} does not resolve: ${result.detail}`);
  return { cityCode: result.city.code, lat: result.city.lat, lng: result.city.lng };
}

/** `line('a', 'sku-a', 2)`; the SKU defaults to `sku-<lineId>`. */
export function line(lineId: string, skuId = `sku-${lineId}`, quantity = 1): PhysicalLine {
  return { lineId, skuId, quantity };
}

/** `stockOf({ 'wh-sh': { 'sku-a': 3 } })` as the nested Map routing reads. */
export function stockOf(table: Record<string, Record<string, number>>): Map<string, Map<string, number>> {
  return new Map(Object.entries(table).map(([warehouseId, units]) => [warehouseId, new Map(Object.entries(units))]));
}

/** Every default warehouse holding `units` of each SKU. */
export function everywhere(skuIds: readonly string[], units = 10): Record<string, Record<string, number>> {
  return Object.fromEntries(DEFAULT_WAREHOUSES.map((warehouse) => [warehouse.id, Object.fromEntries(skuIds.map((skuId) => [skuId, units]))]));
}

export function dropShipOf(table: Record<string, DropShipOffer>): Map<string, DropShipOffer> {
  return new Map(Object.entries(table));
}

/** An order to 苏州 over the six default warehouses, full capacity, no supplier, backorder policy; override the rest. */
export function routingInput(overrides: Partial<RoutingInput> = {}): RoutingInput {
  return {
    destination: destinationOf({ province: '江苏', city: '苏州' }),
    lines: [line('a')],
    warehouses: DEFAULT_WAREHOUSES,
    stock: new Map(),
    capacity: new Map(),
    dropShip: new Map(),
    unshippable: 'backorder',
    ...overrides,
  };
}
