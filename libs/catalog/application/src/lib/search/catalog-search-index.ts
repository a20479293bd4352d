import type { CategoryFamily, SkuState } from '@supply-hub/contracts';
import { cleanText } from '@supply-hub/catalog-domain';
import { ValidationError } from '@supply-hub/errors';

/** What the mall-facing catalog lists about a SKU. */
export interface CatalogListing {
  skuId: string;
  title: string;
  brand?: string;
  categoryFamily: CategoryFamily;
  subcategory?: string;
  contractPriceFen: number;
  marketPriceFen: number;
  stock: number;
  sellable: boolean;
  imageUrl?: string;
  /** When the catalog first had it (for "new since"). */
  listedAt: Date;
  version: number;
}

export type CatalogSort = 'price_asc' | 'price_desc' | 'newest';

export interface CatalogQuery {
  family?: CategoryFamily;
  subcategory?: string;
  brand?: string;
  /** Words that must all appear in the title or brand. */
  q?: string;
  minPriceFen?: number;
  maxPriceFen?: number;
  inStock?: boolean;
  newSince?: Date;
  sort: CatalogSort;
  limit: number;
  cursor?: string;
  /** Which SKUs this caller may see (a mall's selection pool, later); all sellable ones when absent. */
  visible?: (skuId: string) => boolean;
}

export interface CatalogPage {
  items: CatalogListing[];
  nextCursor: string | null;
}

interface Entry extends CatalogListing {
  text: string;
}

/**
 * The sellable catalog in memory, for browsing and search: on FerretDB every filtered query scans the
 * whole collection (docs/storage.md), so a page of 50 over 120,000 SKUs could not be served from the
 * database in milliseconds. Entries are kept by version (an older SKU event never overwrites a newer
 * one); the sort orders are rebuilt at most every `resortMs` while entries change, and between rebuilds
 * filters always read current values.
 */
export class CatalogSearchIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly bySubcategory = new Map<string, Set<string>>();
  private readonly byBrand = new Map<string, Set<string>>();
  private byPrice: Entry[] = [];
  private byPriceDesc: Entry[] = [];
  private byNewest: Entry[] = [];
  private dirty = false;
  private sortedAt = 0;

  constructor(private readonly options: { resortMs?: number; now?: () => number } = {}) {}

  get size(): number {
    return this.entries.size;
  }

  /** Adds or replaces a SKU if `listing` is newer than what the index holds. */
  upsert(listing: CatalogListing): boolean {
    const current = this.entries.get(listing.skuId);
    if (current && current.version >= listing.version) return false;
    if (current) this.unindex(current);
    const entry: Entry = { ...listing, listedAt: current?.listedAt ?? listing.listedAt, text: searchText(`${listing.brand ?? ''} ${listing.title}`) };
    this.entries.set(entry.skuId, entry);
    if (entry.subcategory) addTo(this.bySubcategory, entry.subcategory, entry.skuId);
    if (entry.brand) addTo(this.byBrand, entry.brand, entry.skuId);
    this.dirty = true;
    return true;
  }

  /** A SKU event's state into the index. */
  applySkuState(state: SkuState, at: Date): boolean {
    return this.upsert({
      skuId: state.skuId,
      title: state.title,
      ...(state.brand ? { brand: state.brand } : {}),
      categoryFamily: state.categoryFamily,
      ...(state.subcategory ? { subcategory: state.subcategory } : {}),
      contractPriceFen: state.contractPriceFen,
      marketPriceFen: state.marketPriceFen,
      stock: state.stock,
      sellable: state.sellable,
      ...(state.imageUrl ? { imageUrl: state.imageUrl } : {}),
      listedAt: at,
      version: state.version,
    });
  }

  /** A delisting: the SKU stays known (for its version) but is no longer sellable. */
  markUnsellable(skuId: string, version: number): void {
    const current = this.entries.get(skuId);
    if (current && current.version < version) this.entries.set(skuId, { ...current, sellable: false, stock: 0, version });
  }

  get(skuId: string): CatalogListing | undefined {
    const entry = this.entries.get(skuId);
    return entry ? listingOf(entry) : undefined;
  }

  query(query: CatalogQuery): CatalogPage {
    this.resortIfDue();
    const after = query.cursor ? decodeCursor(query.cursor, query.sort) : undefined;
    const words = query.q ? searchText(query.q).split(' ').filter(Boolean) : [];
    const matches = (entry: Entry) =>
      entry.sellable &&
      (!query.family || entry.categoryFamily === query.family) &&
      (!query.subcategory || entry.subcategory === query.subcategory) &&
      (!query.brand || entry.brand === query.brand) &&
      (query.minPriceFen === undefined || entry.contractPriceFen >= query.minPriceFen) &&
      (query.maxPriceFen === undefined || entry.contractPriceFen <= query.maxPriceFen) &&
      (!query.inStock || entry.stock > 0) &&
      (!query.newSince || entry.listedAt >= query.newSince) &&
      words.every((word) => entry.text.includes(word)) &&
      (!query.visible || query.visible(entry.skuId));

    const compare = comparatorOf(query.sort);
    const narrow = this.narrowest(query);
    // A small posting list is filtered and sorted on the spot (always current); otherwise the prebuilt
    // order is walked until the page is full.
    const ordered = narrow
      ? [...narrow].map((id) => this.entries.get(id)!).sort(compare)
      : { newest: this.byNewest, price_asc: this.byPrice, price_desc: this.byPriceDesc }[query.sort];
    const start = after ? firstAfter(ordered, after, compare) : 0;
    const items: CatalogListing[] = [];
    let last: Entry | undefined;
    for (let i = start; i < ordered.length && items.length < query.limit; i++) {
      const entry = ordered[i]!;
      const current = this.entries.get(entry.skuId);
      // The prebuilt order may hold a replaced entry; its current value decides.
      if (current !== entry && !narrow) continue;
      if (!matches(entry)) continue;
      items.push(listingOf(entry));
      last = entry;
    }
    const more = items.length === query.limit && last !== undefined;
    return { items, nextCursor: more ? encodeCursor(query.sort, last!) : null };
  }

  private narrowest(query: CatalogQuery): Set<string> | undefined {
    const lists = [
      query.subcategory ? (this.bySubcategory.get(query.subcategory) ?? new Set<string>()) : undefined,
      query.brand ? (this.byBrand.get(query.brand) ?? new Set<string>()) : undefined,
    ].filter((list): list is Set<string> => list !== undefined);
    if (lists.length === 0) return undefined;
    return lists.reduce((a, b) => (a.size <= b.size ? a : b));
  }

  private resortIfDue(): void {
    const now = (this.options.now ?? Date.now)();
    if (!this.dirty || (this.byPrice.length > 0 && now - this.sortedAt < (this.options.resortMs ?? 1_000))) return;
    const all = [...this.entries.values()];
    this.byPrice = [...all].sort(comparatorOf('price_asc'));
    this.byPriceDesc = [...all].sort(comparatorOf('price_desc'));
    this.byNewest = all.sort(comparatorOf('newest'));
    this.dirty = false;
    this.sortedAt = now;
  }

  private unindex(entry: Entry): void {
    if (entry.subcategory) this.bySubcategory.get(entry.subcategory)?.delete(entry.skuId);
    if (entry.brand) this.byBrand.get(entry.brand)?.delete(entry.skuId);
  }
}

type SortKey = [number, string];

function keyOf(sort: CatalogSort, entry: Entry): SortKey {
  return [sort === 'newest' ? entry.listedAt.getTime() : entry.contractPriceFen, entry.skuId];
}

function comparatorOf(sort: CatalogSort): (a: Entry, b: Entry) => number {
  const direction = sort === 'price_asc' ? 1 : -1;
  return (a, b) => compareKeys(keyOf(sort, a), keyOf(sort, b), direction);
}

function compareKeys(a: SortKey, b: SortKey, direction: number): number {
  // Ties on the value are broken by SKU id, ascending, so every page boundary is exact.
  return (a[0] - b[0]) * direction || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
}

function firstAfter(ordered: Entry[], after: SortKey, compare: (a: Entry, b: Entry) => number): number {
  const probe = { skuId: after[1], contractPriceFen: after[0], listedAt: new Date(after[0]) } as Entry;
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compare(ordered[middle]!, probe) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function encodeCursor(sort: CatalogSort, entry: Entry): string {
  return Buffer.from(JSON.stringify({ s: sort, k: keyOf(sort, entry) })).toString('base64url');
}

/** The key a cursor continues after; a cursor of another sort order is refused. */
export function decodeCursor(cursor: string, sort: CatalogSort): SortKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('the cursor is not one this API issued');
  }
  const { s, k } = (parsed ?? {}) as { s?: unknown; k?: unknown };
  if (s !== sort) throw new InvalidCursorError(`the cursor belongs to sort=${String(s)}, not sort=${sort}`);
  if (!Array.isArray(k) || typeof k[0] !== 'number' || typeof k[1] !== 'string') throw new InvalidCursorError('the cursor is not one this API issued');
  return [k[0], k[1]];
}

export class InvalidCursorError extends ValidationError {
  constructor(message: string) {
    super(message, [{ path: 'cursor', message }]);
  }
}

function listingOf(entry: Entry): CatalogListing {
  const { text: _text, ...listing } = entry;
  return listing;
}

function searchText(value: string): string {
  return cleanText(value).toLowerCase();
}

function addTo(index: Map<string, Set<string>>, key: string, skuId: string): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(skuId);
}
