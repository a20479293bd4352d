import { ALL_CITIES } from '@supply-hub/geo';
import type { RoutingRule } from './routing-decision';
import type { DropShipOffer, PhysicalLine, RoutingInput } from './routing-input';
import { routeOrder } from './route-order';
import { DEFAULT_WAREHOUSES, type Warehouse } from '@supply-hub/warehouses';

export interface RoutingBenchOptions {
  /** Timed decisions. */
  readonly iterations: number;
  /** Seed of the generated orders, so two runs time the same work. */
  readonly seed?: number;
  /** Untimed decisions first, so the JIT has compiled the hot paths (default: min(iterations, 2000)). */
  readonly warmUp?: number;
}

export interface RoutingBenchResult {
  readonly iterations: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly meanMs: number;
  /** How the timed decisions came out, to show the mix was realistic (not all one-warehouse answers). */
  readonly rules: Readonly<Record<RoutingRule, number>>;
  readonly withSplitLine: number;
  readonly withDropShip: number;
  readonly withUnrouted: number;
}

/** Orders generated up front and reused round-robin: the timing then covers the decision only. */
const DISTINCT_ORDERS = 2000;
const SKU_POOL = 400;
const LINES_PER_ORDER = 5;

/**
 * Latency of one routing decision (the pure function, six warehouses, five-line orders), for
 * `npm run bench -- router`. Orders go to random cities of the geo data; stock per warehouse and SKU is
 * patchy (a SKU is in a given warehouse 60 % of the time), some warehouses are out of capacity or inactive,
 * most SKUs have a supplier, one order in ten repeats a SKU on two lines. That is harsher than a real network
 * (about four orders in five need a split search, the costlier path) on purpose. Nothing here asserts a time.
 */
export function benchRoutingDecision(options: RoutingBenchOptions): RoutingBenchResult {
  const iterations = Math.max(1, Math.floor(options.iterations));
  const random = mulberry32(options.seed ?? 2260);
  const orders = Array.from({ length: Math.min(iterations, DISTINCT_ORDERS) }, () => generateOrder(random));

  const warmUp = options.warmUp ?? Math.min(iterations, 2000);
  for (let index = 0; index < warmUp; index++) routeOrder(orders[index % orders.length]);

  const samplesMs = new Float64Array(iterations);
  const rules: Record<RoutingRule, number> = { 'nearest-complete': 0, 'fewest-parcels': 0, 'no-warehouse': 0, empty: 0 };
  let withSplitLine = 0;
  let withDropShip = 0;
  let withUnrouted = 0;
  for (let index = 0; index < iterations; index++) {
    const input = orders[index % orders.length];
    const started = process.hrtime.bigint();
    const decision = routeOrder(input);
    samplesMs[index] = Number(process.hrtime.bigint() - started) / 1e6;
    rules[decision.explanation.rule] += 1;
    if (decision.explanation.splitLineIds.length > 0) withSplitLine += 1;
    if (decision.parcels.some((parcel) => parcel.kind === 'drop-ship')) withDropShip += 1;
    if (decision.backordered.length + decision.refused.length > 0) withUnrouted += 1;
  }

  samplesMs.sort();
  const percentile = (p: number): number => samplesMs[Math.min(iterations - 1, Math.ceil((p / 100) * iterations) - 1)];
  const round = (ms: number): number => Math.round(ms * 10_000) / 10_000;
  return {
    iterations,
    p50Ms: round(percentile(50)),
    p90Ms: round(percentile(90)),
    p99Ms: round(percentile(99)),
    maxMs: round(samplesMs[iterations - 1]),
    meanMs: round(samplesMs.reduce((sum, ms) => sum + ms, 0) / iterations),
    rules,
    withSplitLine,
    withDropShip,
    withUnrouted,
  };
}

function generateOrder(random: () => number): RoutingInput {
  const city = ALL_CITIES[Math.floor(random() * ALL_CITIES.length)];
  const skuIds: string[] = [];
  while (skuIds.length < LINES_PER_ORDER) {
    const skuId = `sku-${String(Math.floor(random() * SKU_POOL)).padStart(4, '0')}`;
    if (!skuIds.includes(skuId)) skuIds.push(skuId);
  }
  if (random() < 0.1) skuIds[LINES_PER_ORDER - 1] = skuIds[0];
  const lines: PhysicalLine[] = skuIds.map((skuId, index) => ({
    lineId: `line-${index + 1}`,
    skuId,
    quantity: random() < 0.75 ? 1 : 2 + Math.floor(random() * 3),
  }));

  const warehouses: Warehouse[] = DEFAULT_WAREHOUSES.map((warehouse) => ({ ...warehouse, active: random() >= 0.05 }));
  const stock = new Map<string, Map<string, number>>();
  const capacity = new Map<string, number>();
  for (const warehouse of warehouses) {
    stock.set(warehouse.id, new Map(skuIds.map((skuId) => [skuId, random() < 0.6 ? Math.floor(random() * 12) : 0])));
    capacity.set(warehouse.id, random() < 0.1 ? 0 : 1 + Math.floor(random() * warehouse.dailyCapacity));
  }
  const dropShip = new Map<string, DropShipOffer | null>(
    skuIds.map((skuId) => [
      skuId,
      random() < 0.7 ? { sourceId: random() < 0.5 ? 'jd' : 'taobao', externalId: `ext-${skuId}`, units: Math.floor(random() * 30) } : null,
    ]),
  );
  return {
    destination: { cityCode: city.code, lat: city.lat, lng: city.lng },
    lines,
    warehouses,
    stock,
    capacity,
    dropShip,
    unshippable: random() < 0.5 ? 'backorder' : 'refuse',
  };
}

/** A small seeded generator (Mulberry32): Math.random cannot be seeded, and runs should time the same orders. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
