import { hash3 } from '../random/hash';
import { Prng } from '../random/prng';
import type { SimOffer } from '../world/sim-offer';
import type { SimSource } from '../world/sources';
import type { ChangeOverlay } from './change-overlay';
import { CHANGE_KINDS, type ChangeCounts, type ChangeKind, type ChangeRound, type SkuChange } from './change-types';

const SALT_CHANGES = 61;
const MAX_TRIES = 12;
const TITLE_SUFFIXES = [' 新款', '（升级款）', ' 2026款', '【限量版】', ' 焕新版'];

/** What a change round needs from the world. */
export interface ChangeTarget {
  seed: number;
  sources: readonly SimSource[];
  count(source: SimSource): number;
  baseCount(source: SimSource): number;
  offer(source: SimSource, index: number): SimOffer;
  overlay: ChangeOverlay;
}

const COUNT_KEYS: Record<ChangeKind, keyof ChangeCounts> = {
  'new-sku': 'newSkus',
  price: 'priceMoves',
  'stock-out': 'stockOuts',
  delisting: 'delistings',
  detail: 'detailChanges',
};

/**
 * One round of changes: which SKUs and how, all drawn from a generator seeded with (seed, round), so the
 * same sequence of rounds gives the same world. A SKU changes at most once per round; broken and
 * delisted SKUs are left alone.
 */
export function planChangeRound(world: ChangeTarget, round: number, at: number, counts: ChangeCounts): ChangeRound {
  const random = new Prng(hash3(world.seed, SALT_CHANGES, round));
  const total = world.sources.reduce((sum, source) => sum + world.count(source), 0);
  const changes: SkuChange[] = [];
  const done = { 'new-sku': 0, price: 0, 'stock-out': 0, delisting: 0, detail: 0 } satisfies Record<ChangeKind, number>;
  const picked = new Set<string>();

  for (const kind of CHANGE_KINDS) {
    const wanted = resolveCount(counts[COUNT_KEYS[kind]], total);
    for (let n = 0; n < wanted; n++) {
      const source = random.pickWeighted(world.sources, (candidate) => candidate.share);
      if (kind === 'new-sku') {
        const index = world.overlay.addNew(source.ordinal, world.baseCount(source), at);
        picked.add(`${source.ordinal}:${index}`);
        changes.push(change(kind, world, source, index, at));
        done[kind] += 1;
        continue;
      }
      const offer = pickOffer(world, random, source, picked);
      if (!offer) continue;
      world.overlay.patch(source.ordinal, offer.index, patchFor(kind, offer, random), at);
      changes.push({ kind, sourceId: source.id, index: offer.index, externalId: offer.externalId, at });
      done[kind] += 1;
    }
  }
  return { round, at, changes, counts: done };
}

function resolveCount(value: number | undefined, total: number): number {
  if (!value || value <= 0) return 0;
  return value < 1 ? Math.round(value * total) : Math.floor(value);
}

function pickOffer(world: ChangeTarget, random: Prng, source: SimSource, picked: Set<string>): SimOffer | null {
  const count = world.count(source);
  if (count === 0) return null;
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const index = Math.floor(random.next() * count);
    const key = `${source.ordinal}:${index}`;
    if (picked.has(key)) continue;
    const offer = world.offer(source, index);
    if (!offer.listed || offer.defect) continue;
    picked.add(key);
    return offer;
  }
  return null;
}

function patchFor(kind: ChangeKind, offer: SimOffer, random: Prng) {
  switch (kind) {
    case 'price': {
      const factor = random.chance(0.6) ? random.between(1.03, 1.15) : random.between(0.85, 0.97);
      const supplyPriceFen = Math.max(1, Math.round(offer.supplyPriceFen * factor));
      // A supply price above the market reference would be a broken record, not a price move.
      const marketPriceFen = supplyPriceFen < offer.marketPriceFen ? offer.marketPriceFen : Math.ceil((supplyPriceFen * 1.15) / 100) * 100;
      return { supplyPriceFen, marketPriceFen };
    }
    case 'stock-out':
      return { stock: 0 };
    case 'delisting':
      return { listed: false };
    default:
      return { titleSuffix: random.pick(TITLE_SUFFIXES) };
  }
}

function change(kind: ChangeKind, world: ChangeTarget, source: SimSource, index: number, at: number): SkuChange {
  return { kind, sourceId: source.id, index, externalId: world.offer(source, index).externalId, at };
}
