import type {
  DropShipParcel,
  DropShipParcelLine,
  RoutedParcel,
  RoutingCandidate,
  RoutingDecision,
  RoutingRule,
  UnroutedLine,
  WarehouseParcel,
} from './routing-decision';
import { summarizeDecision } from './routing-explanation';
import type { PhysicalLine, RoutingInput } from './routing-input';
import { validateRoutingInput } from './routing-input-validation';
import type { RoutingStrategy } from './routing-strategy';
import { capacityReader, dropShipReader, stockReader, wholeUnits } from './routing-views';
import { type Warehouse, warehousesByDistance } from '@supply-hub/warehouses';
import { assignToWarehouses, compareStrings, type EligibleWarehouse, type WarehouseAssignment } from './warehouse-assignment';

interface Site extends EligibleWarehouse {
  readonly capacityLeft: number;
}

/**
 * The routing policy of the order-router issue, in order:
 * 1. the nearest active warehouse with a parcel of capacity left that holds every line;
 * 2. else the fewest warehouse parcels, then the least total distance (see assignToWarehouses, which also says
 *    when a line is split);
 * 3. lines no warehouse can take: drop-ship (一件代发) from the SKU's supplier when it reports the whole quantity,
 *    one parcel per supplier source;
 * 4. the rest is backordered or refused, as the mall's policy says.
 * Ties go to the shorter distance, then the smaller warehouse id. Inactive warehouses never ship.
 *
 * A line goes whole to one kind of source: warehouses, or its supplier, or nowhere. It is never part shipped and
 * part backordered, nor part from stock and part drop-shipped: the mall, the member and after-sales then deal
 * with one outcome per line.
 */
export class DefaultRoutingStrategy implements RoutingStrategy {
  routeOrder(input: RoutingInput): RoutingDecision {
    validateRoutingInput(input);
    const unitsOf = stockReader(input.stock);
    const capacityOf = capacityReader(input.capacity);

    const sites: Site[] = warehousesByDistance(input.warehouses, input.destination).map((site) => ({ ...site, capacityLeft: capacityOf(site.warehouse) }));
    const eligible = sites.filter((site) => site.warehouse.active && site.capacityLeft >= 1);

    const assignment = assignToWarehouses(input.lines, eligible, unitsOf);
    const warehouseParcels: WarehouseParcel[] = assignment.parcels.map(({ warehouse: site, lines }) => ({
      kind: 'warehouse',
      warehouseId: site.warehouse.id,
      warehouseName: site.warehouse.name,
      cityCode: site.warehouse.cityCode,
      distanceKm: site.distanceM / 1000,
      lines,
    }));

    const { dropShipParcels, unrouted } = dropShipOrGiveUp(assignment, sites, input, unitsOf);
    const candidates = describeCandidates(sites, input.lines, unitsOf, new Set(warehouseParcels.map((parcel) => parcel.warehouseId)));
    const rule: RoutingRule =
      input.lines.length === 0
        ? 'empty'
        : candidates.some((candidate) => candidate.canShipAll)
          ? 'nearest-complete'
          : warehouseParcels.length > 0
            ? 'fewest-parcels'
            : 'no-warehouse';
    const backordered = input.unshippable === 'backorder' ? unrouted : [];
    const refused = input.unshippable === 'refuse' ? unrouted : [];
    const parcels: RoutedParcel[] = [...warehouseParcels, ...dropShipParcels];
    const totalDistanceKm = warehouseParcels.reduce((sum, parcel) => sum + Math.round(parcel.distanceKm * 1000), 0) / 1000;

    return {
      parcels,
      backordered,
      refused,
      explanation: {
        destination: { cityCode: input.destination.cityCode, lat: input.destination.lat, lng: input.destination.lng },
        rule,
        unshippable: input.unshippable,
        candidates,
        splitLineIds: assignment.splitLineIds,
        totalDistanceKm,
        summary: summarizeDecision({ rule, candidates, parcels, unrouted, unshippable: input.unshippable, totalDistanceKm }),
      },
    };
  }
}

/** Lines no warehouse could take go to their supplier when it has the whole quantity, else they are unrouted. */
function dropShipOrGiveUp(
  assignment: WarehouseAssignment,
  sites: readonly Site[],
  input: RoutingInput,
  unitsOf: (warehouseId: string, skuId: string) => number,
): { dropShipParcels: DropShipParcel[]; unrouted: UnroutedLine[] } {
  if (assignment.uncovered.length === 0) return { dropShipParcels: [], unrouted: [] };
  const supplierOf = dropShipReader(input.dropShip);
  const supplierUnitsLeft = new Map<string, number>();
  const bySource = new Map<string, DropShipParcelLine[]>();
  const unrouted: UnroutedLine[] = [];
  const shippedFromWarehouses = unitsInParcels(assignment);

  for (const line of assignment.uncovered) {
    const offer = supplierOf(line.skuId);
    const supplierUnits = supplierUnitsLeft.get(line.skuId) ?? wholeUnits(offer?.units);
    if (offer && supplierUnits >= line.quantity) {
      supplierUnitsLeft.set(line.skuId, supplierUnits - line.quantity);
      const lines = bySource.get(offer.sourceId) ?? [];
      lines.push({ lineId: line.lineId, skuId: line.skuId, quantity: line.quantity, externalId: offer.externalId });
      bySource.set(offer.sourceId, lines);
      continue;
    }
    // Units still in active warehouses; those at capacity would ship tomorrow, which is worth telling a backorder.
    let eligibleUnits = -(shippedFromWarehouses.get(line.skuId) ?? 0);
    let atCapacityUnits = 0;
    for (const site of sites) {
      if (!site.warehouse.active) continue;
      if (site.capacityLeft >= 1) eligibleUnits += unitsOf(site.warehouse.id, line.skuId);
      else atCapacityUnits += unitsOf(site.warehouse.id, line.skuId);
    }
    const warehouseUnits = Math.max(0, eligibleUnits) + atCapacityUnits;
    unrouted.push({
      lineId: line.lineId,
      skuId: line.skuId,
      quantity: line.quantity,
      reason: atCapacityUnits > 0 && warehouseUnits >= line.quantity ? 'warehouses-at-capacity' : 'out-of-stock',
      warehouseUnits,
      supplierUnits: offer ? supplierUnits : 0,
    });
  }
  const dropShipParcels = [...bySource.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([sourceId, lines]): DropShipParcel => ({ kind: 'drop-ship', sourceId, lines }));
  return { dropShipParcels, unrouted };
}

function unitsInParcels(assignment: WarehouseAssignment): Map<string, number> {
  const units = new Map<string, number>();
  for (const parcel of assignment.parcels) for (const line of parcel.lines) units.set(line.skuId, (units.get(line.skuId) ?? 0) + line.quantity);
  return units;
}

/** Every configured warehouse, nearest first, with what it lacks for this order (SKU totals over the order's lines). */
function describeCandidates(
  sites: readonly Site[],
  lines: readonly PhysicalLine[],
  unitsOf: (warehouseId: string, skuId: string) => number,
  chosen: ReadonlySet<string>,
): RoutingCandidate[] {
  const wantedBySku = new Map<string, number>();
  for (const line of lines) wantedBySku.set(line.skuId, (wantedBySku.get(line.skuId) ?? 0) + line.quantity);
  return sites.map(({ warehouse, distanceM, capacityLeft }) => {
    const lacks = [];
    for (const line of lines) {
      const wanted = wantedBySku.get(line.skuId) ?? line.quantity;
      const available = unitsOf(warehouse.id, line.skuId);
      if (available < wanted) lacks.push({ lineId: line.lineId, skuId: line.skuId, wanted, available });
    }
    const status = statusOf(warehouse, capacityLeft);
    return {
      warehouseId: warehouse.id,
      name: warehouse.name,
      cityCode: warehouse.cityCode,
      distanceKm: distanceM / 1000,
      status,
      capacityLeft,
      canShipAll: status === 'eligible' && lacks.length === 0 && lines.length > 0,
      lacks,
      chosen: chosen.has(warehouse.id),
    };
  });
}

function statusOf(warehouse: Warehouse, capacityLeft: number): RoutingCandidate['status'] {
  if (!warehouse.active) return 'inactive';
  return capacityLeft >= 1 ? 'eligible' : 'capacity-full';
}
