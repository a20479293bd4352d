import type { ParcelLine } from './routing-decision';
import type { PhysicalLine } from './routing-input';
import { MAX_WAREHOUSES, type Warehouse } from '@supply-hub/warehouses';

export { MAX_WAREHOUSES };


/** A warehouse that may ship this order: active, with at least one parcel of capacity left today. */
export interface EligibleWarehouse {
  readonly warehouse: Warehouse;
  /** Integer metres, so that sums compare exactly and ties are real ties, not floating-point noise. */
  readonly distanceM: number;
}

export interface WarehouseParcelPlan {
  readonly warehouse: EligibleWarehouse;
  /** In the order's line order; a split line appears in several parcels with its share. */
  readonly lines: readonly ParcelLine[];
}

export interface WarehouseAssignment {
  /** Nearest first. */
  readonly parcels: readonly WarehouseParcelPlan[];
  /** Lines that all eligible warehouses together cannot ship, in the order's line order. */
  readonly uncovered: readonly PhysicalLine[];
  readonly splitLineIds: readonly string[];
}

/** The order's lines of one SKU: they draw on the same stock, so they are planned together. */
interface SkuGroup {
  readonly lines: { readonly line: PhysicalLine; readonly index: number }[];
  /** Units per eligible warehouse, by its position in the distance-sorted list. */
  readonly units: readonly number[];
}

/** Shares of one line: [eligible position, units] pairs. */
type Allocation = { readonly lineIndex: number; readonly shares: readonly (readonly [number, number])[] };

/**
 * Places the order's lines in the eligible warehouses (given nearest first, ties by id): the fewest
 * warehouses, then the least total distance, then the smallest list of ids. One warehouse ships one parcel, so
 * capacity is already settled by eligibility (one parcel left is enough).
 *
 * The search is exact: subsets of warehouses by size, each size's subsets by total distance, and the first
 * subset that can hold every coverable line wins. With six warehouses that is at most 63 subsets of a few
 * integer comparisons each; warehouses holding none of the order's SKUs are left out of the search up front.
 *
 * A line is split across warehouses only when no eligible warehouse holds its whole quantity (after the
 * order's earlier lines of the same SKU took theirs). A line in one parcel has one tracking number, one
 * delivery and one return; a split is accepted only when the alternative is not shipping it from stock at all.
 * So when some warehouse outside the chosen set holds the line whole, the set is not allowed to split it, even
 * if that costs one more parcel in the rare order where it matters.
 */
export function assignToWarehouses(
  lines: readonly PhysicalLine[],
  eligible: readonly EligibleWarehouse[],
  unitsOf: (warehouseId: string, skuId: string) => number,
): WarehouseAssignment {
  const n = eligible.length;
  if (n > MAX_WAREHOUSES) throw new RangeError(`routing supports at most ${MAX_WAREHOUSES} warehouses, got ${n} eligible`);
  const all = (1 << n) - 1;
  const groups = groupBySku(lines, eligible, unitsOf);

  // Which lines can ship from warehouses at all: every line of a SKU when the whole network holds them,
  // else the order's earlier lines of that SKU first.
  const covered: SkuGroup[] = [];
  const uncoveredIndexes: number[] = [];
  for (const group of groups) {
    if (planGroup(group, all, n) !== null) {
      covered.push(group);
      continue;
    }
    const kept: SkuGroup = { lines: [], units: group.units };
    for (const entry of group.lines) {
      kept.lines.push(entry);
      if (planGroup(kept, all, n) === null) {
        kept.lines.pop();
        uncoveredIndexes.push(entry.index);
      }
    }
    if (kept.lines.length > 0) covered.push(kept);
  }
  const uncovered = uncoveredIndexes.sort((a, b) => a - b).map((index) => lines[index]);
  if (covered.length === 0) return { parcels: [], uncovered, splitLineIds: [] };

  const chosenMask = cheapestFeasibleSubset(covered, eligible);
  const allocations = covered.flatMap((group) => planGroup(group, chosenMask, n) ?? []);

  const perWarehouse = new Map<number, { index: number; line: ParcelLine }[]>();
  const splitLineIds: string[] = [];
  for (const allocation of allocations) {
    const line = lines[allocation.lineIndex];
    if (allocation.shares.length > 1) splitLineIds.push(line.lineId);
    for (const [position, quantity] of allocation.shares) {
      const parcelLines = perWarehouse.get(position) ?? [];
      parcelLines.push({ index: allocation.lineIndex, line: { lineId: line.lineId, skuId: line.skuId, quantity } });
      perWarehouse.set(position, parcelLines);
    }
  }
  const parcels = [...perWarehouse.entries()]
    .sort(([a], [b]) => a - b)
    .map(([position, parcelLines]) => ({
      warehouse: eligible[position],
      lines: parcelLines.sort((a, b) => a.index - b.index).map((entry) => entry.line),
    }));
  const lineOrder = new Map(lines.map((line, index) => [line.lineId, index]));
  splitLineIds.sort((a, b) => (lineOrder.get(a) ?? 0) - (lineOrder.get(b) ?? 0));
  return { parcels, uncovered, splitLineIds };
}

function groupBySku(
  lines: readonly PhysicalLine[],
  eligible: readonly EligibleWarehouse[],
  unitsOf: (warehouseId: string, skuId: string) => number,
): SkuGroup[] {
  const bySku = new Map<string, SkuGroup>();
  lines.forEach((line, index) => {
    let group = bySku.get(line.skuId);
    if (!group) {
      group = { lines: [], units: eligible.map((candidate) => unitsOf(candidate.warehouse.id, line.skuId)) };
      bySku.set(line.skuId, group);
    }
    group.lines.push({ line, index });
  });
  return [...bySku.values()];
}

/**
 * The subset (bit mask over eligible positions) with the fewest warehouses, then the least total distance, then
 * the smallest sorted id list. The full set of useful warehouses is feasible by construction of `covered`.
 */
function cheapestFeasibleSubset(covered: readonly SkuGroup[], eligible: readonly EligibleWarehouse[]): number {
  const useful: number[] = [];
  for (let position = 0; position < eligible.length; position++) if (covered.some((group) => group.units[position] > 0)) useful.push(position);

  for (let size = 1; size <= useful.length; size++) {
    const subsets: { mask: number; distanceM: number; ids: string }[] = [];
    forEachCombination(useful, size, (members) => {
      let mask = 0;
      let distanceM = 0;
      for (const position of members) {
        mask |= 1 << position;
        distanceM += eligible[position].distanceM;
      }
      subsets.push({ mask, distanceM, ids: '' });
    });
    subsets.sort((a, b) => a.distanceM - b.distanceM || compareStrings(idsKey(a, eligible), idsKey(b, eligible)));
    for (const subset of subsets) if (covered.every((group) => planGroup(group, subset.mask, eligible.length) !== null)) return subset.mask;
  }
  // Unreachable: the whole useful set holds every covered line. Kept total so that a bug ships nothing rather than throwing mid-order.
  return useful.reduce((mask, position) => mask | (1 << position), 0);
}

/** Sorted member ids joined, computed only when two subsets tie on distance. */
function idsKey(subset: { mask: number; ids: string }, eligible: readonly EligibleWarehouse[]): string {
  if (subset.ids === '') {
    const ids: string[] = [];
    for (let position = 0; position < eligible.length; position++) if (subset.mask & (1 << position)) ids.push(eligible[position].warehouse.id);
    subset.ids = ids.sort(compareStrings).join('\u0000');
  }
  return subset.ids;
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function forEachCombination(items: readonly number[], size: number, visit: (members: readonly number[]) => void): void {
  const members: number[] = [];
  const walk = (start: number): void => {
    if (members.length === size) {
      visit(members);
      return;
    }
    for (let index = start; index <= items.length - (size - members.length); index++) {
      members.push(items[index]);
      walk(index + 1);
      members.pop();
    }
  };
  walk(0);
}

/**
 * Places one SKU's lines within the warehouses of `mask`, or null when they do not fit. Each line goes whole to
 * the nearest member with the units left; lines of the same SKU backtrack over those choices. A line is split
 * (nearest members first) only when no eligible warehouse at all, member or not, still holds it whole.
 */
function planGroup(group: SkuGroup, mask: number, n: number): Allocation[] | null {
  const remaining = group.units.slice();
  const allocations: Allocation[] = [];
  // Several lines of one SKU are rare but would make the backtracking exponential when they do not fit (ten
  // one-unit lines over six warehouses): states already known to fail are skipped, and a branch stops as soon
  // as the members hold fewer units than the lines still to place.
  const failed = group.lines.length > 1 ? new Set<string>() : undefined;
  const stillWanted: number[] = new Array(group.lines.length + 1).fill(0);
  for (let k = group.lines.length - 1; k >= 0; k--) stillWanted[k] = stillWanted[k + 1] + group.lines[k].line.quantity;
  const memberUnits = (): number => {
    let units = 0;
    for (let position = 0; position < n; position++) if (mask & (1 << position)) units += remaining[position];
    return units;
  };
  const place = (k: number): boolean => {
    if (k === group.lines.length) return true;
    if (memberUnits() < stillWanted[k]) return false;
    const state = failed && `${k}:${remaining.join(',')}`;
    if (state && failed.has(state)) return false;
    if (tryPlace(k)) return true;
    if (state) failed.add(state);
    return false;
  };
  const tryPlace = (k: number): boolean => {
    const { line, index } = group.lines[k];
    const quantity = line.quantity;
    let heldWholeSomewhere = false;
    for (let position = 0; position < n; position++) {
      if (remaining[position] < quantity) continue;
      heldWholeSomewhere = true;
      if (!(mask & (1 << position))) continue;
      remaining[position] -= quantity;
      allocations.push({ lineIndex: index, shares: [[position, quantity]] });
      if (place(k + 1)) return true;
      remaining[position] += quantity;
      allocations.pop();
    }
    if (heldWholeSomewhere) return false;

    // memberUnits() >= stillWanted[k] >= quantity: the members hold enough for the shares.
    const shares: [number, number][] = [];
    let missing = quantity;
    for (let position = 0; position < n && missing > 0; position++) {
      if (!(mask & (1 << position)) || remaining[position] === 0) continue;
      const take = Math.min(remaining[position], missing);
      remaining[position] -= take;
      missing -= take;
      shares.push([position, take]);
    }
    allocations.push({ lineIndex: index, shares });
    if (place(k + 1)) return true;
    for (const [position, take] of shares) remaining[position] += take;
    allocations.pop();
    return false;
  };
  return place(0) ? allocations : null;
}
