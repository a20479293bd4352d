import { ChangeOverlay } from '../changes/change-overlay';
import { type ChangeCounts, type ChangeRound } from '../changes/change-types';
import { planChangeRound } from '../changes/change-round';
import { hash3, seedOf } from '../random/hash';
import { ExternalIds } from './external-ids';
import { WorldLayout } from './layout';
import { OfferFactory } from './offer-factory';
import { ProductFactory, type SimProduct } from './product';
import type { SimOffer } from './sim-offer';
import { type SimSource, type SourceId, WORLD_SOURCES } from './sources';

const SALT_LISTED_AT = 51;
const DAY_MS = 86_400_000;

export interface CatalogWorldOptions {
  seed: number | string;
  /** Source SKUs before any change (default 120,000). */
  skus?: number;
  /** Share of records broken on purpose (default 0.003). */
  malformedRate?: number;
  /** Share of products offered by more than one source (default 0.15). */
  overlapRate?: number;
  /** End of the generated listing history (default 2026-01-01 00:00 Beijing time). */
  historyEndMs?: number;
  /** Length of the listing history (default 365 days). */
  historyDays?: number;
  /** Time of change rounds (default Date.now). */
  clock?: () => number;
}

export const DEFAULT_SKUS = 120_000;
export const DEFAULT_MALFORMED_RATE = 0.003;
export const DEFAULT_HISTORY_END_MS = Date.parse('2026-01-01T00:00:00+08:00');

export type ChangeListener = (round: ChangeRound) => void;

/**
 * A deterministic world of supplier SKUs. Record i of a source is computed from (seed, source, i) on
 * every call; only change rounds are stored (ChangeOverlay). Base SKUs were listed over the history
 * window in index order (so index order is modified order for unchanged SKUs); changes happen at the
 * clock's time, never before the history's end.
 */
export class CatalogWorld {
  readonly seed: number;
  readonly skus: number;
  readonly historyStartMs: number;
  readonly historyEndMs: number;
  readonly sources: readonly SimSource[] = WORLD_SOURCES;
  private readonly layout: WorldLayout;
  private readonly products: ProductFactory;
  private readonly offers: OfferFactory;
  private readonly ids: ExternalIds;
  private readonly overlay = new ChangeOverlay(WORLD_SOURCES.length);
  private readonly byId = new Map<SourceId, SimSource>(WORLD_SOURCES.map((source) => [source.id, source]));
  private readonly listeners: ChangeListener[] = [];
  private readonly clock: () => number;
  private round = 0;
  private resets = 0;
  private resetAtMs: number | null = null;

  constructor(options: CatalogWorldOptions) {
    this.seed = seedOf(options.seed);
    this.skus = options.skus ?? DEFAULT_SKUS;
    if (!Number.isSafeInteger(this.skus) || this.skus < 0) throw new RangeError(`skus must be a non-negative integer, got ${this.skus}`);
    this.historyEndMs = options.historyEndMs ?? DEFAULT_HISTORY_END_MS;
    this.historyStartMs = this.historyEndMs - (options.historyDays ?? 365) * DAY_MS;
    this.clock = options.clock ?? Date.now;
    this.layout = new WorldLayout(this.seed, this.skus, options.overlapRate ?? 0.15);
    this.products = new ProductFactory(this.seed);
    this.ids = new ExternalIds(this.seed);
    this.offers = new OfferFactory(this.seed, this.ids, options.malformedRate ?? DEFAULT_MALFORMED_RATE);
  }

  source(id: SourceId): SimSource {
    const source = this.byId.get(id);
    if (!source) throw new RangeError(`unknown source ${id}`);
    return source;
  }

  /** SKUs of a source now: base plus those added by change rounds. */
  count(id: SourceId): number {
    const source = this.source(id);
    return this.layout.baseCount(source.ordinal) + this.overlay.newCount(source.ordinal);
  }

  baseCount(id: SourceId): number {
    return this.layout.baseCount(this.source(id).ordinal);
  }

  get productCount(): number {
    return this.layout.productCount;
  }

  offer(id: SourceId, index: number): SimOffer {
    const source = this.source(id);
    this.checkIndex(source, index);
    const productIndex = this.layout.productOf(source.ordinal, index);
    const product = this.product(productIndex);
    const base = this.offers.offer(source, index, product, this.listedAt(id, index));
    const override = this.overlay.get(source.ordinal, index);
    if (!override) return base;
    return {
      ...base,
      title: base.title === null || !override.titleSuffix ? base.title : `${base.title}${override.titleSuffix}`,
      supplyPriceFen: override.supplyPriceFen ?? base.supplyPriceFen,
      marketPriceFen: override.marketPriceFen ?? base.marketPriceFen,
      stock: override.stock ?? base.stock,
      listed: override.listed ?? base.listed,
      modifiedAt: override.modifiedAt,
    };
  }

  /** The world's SKUs numbered across sources (JD's, then Taobao's, then each brand's): which one is `global`. */
  locate(global: number): { sourceId: SourceId; index: number } {
    let rest = global;
    for (const source of WORLD_SOURCES) {
      const count = this.count(source.id);
      if (rest < count) return { sourceId: source.id, index: rest };
      rest -= count;
    }
    throw new RangeError(`the world has no SKU ${global}`);
  }

  /** The index an external id names, or null when the source has no such SKU. */
  indexOf(id: SourceId, externalId: string): number | null {
    const index = this.ids.indexOf(this.source(id), externalId);
    return index !== null && index < this.count(id) ? index : null;
  }

  externalId(id: SourceId, index: number): string {
    return this.ids.idOf(this.source(id), index);
  }

  product(productIndex: number): SimProduct {
    const brandOrdinal = this.layout.brandOrdinalOf(productIndex);
    return this.products.product(productIndex, brandOrdinal === null ? null : (WORLD_SOURCES[brandOrdinal]?.brand?.brand ?? null));
  }

  /** Every source SKU selling a product. */
  offersOfProduct(productIndex: number): { sourceId: SourceId; index: number }[] {
    return this.layout.offersOf(productIndex).map(({ ordinal, index }) => ({ sourceId: (WORLD_SOURCES[ordinal] as SimSource).id, index }));
  }

  /** When the source listed the SKU: increasing with the index, cheap (no record built). */
  listedAt(id: SourceId, index: number): number {
    const source = this.source(id);
    const base = this.layout.baseCount(source.ordinal);
    if (index >= base) return this.overlay.createdAt(source.ordinal, index);
    const step = (this.historyEndMs - this.historyStartMs) / base;
    const jitter = (hash3(this.seed, SALT_LISTED_AT + source.ordinal, index) % 1000) / 1000;
    // Whole seconds (Taobao's times have no milliseconds); still non-decreasing in the index.
    return Math.floor((this.historyStartMs + (index + jitter * 0.9) * step) / 1000) * 1000;
  }

  /** Last change of the SKU, without building the record. */
  modifiedAt(id: SourceId, index: number): number {
    return this.overlay.get(this.source(id).ordinal, index)?.modifiedAt ?? this.listedAt(id, index);
  }

  /** Whether the SKU is on sale, without building the record (delistings only come from changes). */
  isListed(id: SourceId, index: number): boolean {
    return this.overlay.get(this.source(id).ordinal, index)?.listed ?? true;
  }

  /** Indices of SKUs that a change round touched (price, stock, delisting, detail), ascending. */
  changedIndices(id: SourceId): readonly number[] {
    return this.overlay.overriddenIndices(this.source(id).ordinal);
  }

  /** Bumped by every change to the source (feeds' ETag). */
  version(id: SourceId): number {
    return this.overlay.version(this.source(id).ordinal);
  }

  /**
   * The source's last change, or the end of the history when it has none (feeds' Last-Modified); never
   * before the last reset, so a client's If-Modified-Since from before a reset does not match.
   */
  lastModifiedAt(id: SourceId): number {
    return Math.max(this.overlay.lastChangedAt(this.source(id).ordinal) ?? this.historyEndMs, this.resetAtMs ?? -Infinity);
  }

  /** How many resets the world went through: with version(), names a state uniquely (feeds' ETag). */
  get generation(): number {
    return this.resets;
  }

  /** Applies one round of changes at `at` (whole seconds), chosen from (seed, round number); listeners hear of it. */
  applyChanges(counts: ChangeCounts, at: number = this.clock()): ChangeRound {
    this.round += 1;
    const result = planChangeRound(
      {
        seed: this.seed,
        sources: WORLD_SOURCES,
        count: (source) => this.count(source.id),
        baseCount: (source) => this.layout.baseCount(source.ordinal),
        offer: (source, index) => this.offer(source.id, index),
        overlay: this.overlay,
      },
      this.round,
      // Whole seconds, as Taobao's modified and JD's message time show it: a client windowing by the
      // displayed second must find the change inside its window.
      Math.floor(Math.max(at, this.historyEndMs) / 1000) * 1000,
      counts,
    );
    for (const listener of this.listeners) listener(result);
    return result;
  }

  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  /** Back to the seed's world: every change forgotten. */
  reset(): void {
    this.overlay.clear();
    this.round = 0;
    this.resets += 1;
    this.resetAtMs = this.clock();
  }

  private checkIndex(source: SimSource, index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.count(source.id)) {
      throw new RangeError(`source ${source.id} has no SKU at index ${index} (it has ${this.count(source.id)})`);
    }
  }
}
