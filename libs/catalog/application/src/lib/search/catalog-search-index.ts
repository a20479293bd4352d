import { type PreparedBlacklistSubject, prepareBlacklistSubject } from '@supply-hub/blacklist';
import type { CategoryFamily, SkuState } from '@supply-hub/contracts';
import { cleanText, type CurationStatus } from '@supply-hub/catalog-domain';
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
  /** Staff's decision (approved when the product predates curation). */
  curationStatus: CurationStatus;
  imageUrl?: string;
  /** The supplier (source id) of its best offer: what a supplier blacklist entry is matched against. */
  supplierSourceId?: string;
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
  /** Which SKUs this caller may see (a mall's selection pool, by the SKU's current values); all sellable ones when absent. */
  visible?: (listing: CatalogListing) => boolean;
  /** The active quality blacklist: SKUs an entry names are hidden, whatever their stored `sellable`. */
  blacklist?: CatalogBlacklist;
}

/** What the search asks of the blacklist (ActiveBlacklist of @supply-hub/blacklist answers it). */
export interface CatalogBlacklist {
  firstMatch(subject: PreparedBlacklistSubject, now?: Date): unknown;
}

/**
 * Staff's selection of SKUs for a bulk decision: every SKU the catalog knows (sellable or not) whose fields
 * match all the criteria given; within a criterion any listed value matches.
 */
export interface CatalogSelection {
  brands?: readonly string[];
  /** The supplier (source id) of the best offer: the supplier that ships the SKU. */
  suppliers?: readonly string[];
  families?: readonly CategoryFamily[];
  subcategories?: readonly string[];
  minPriceFen?: number;
  maxPriceFen?: number;
  statuses?: readonly CurationStatus[];
  /** Words that must all appear in the title or brand. */
  q?: string;
}

export interface CatalogPage {
  items: CatalogListing[];
  nextCursor: string | null;
}

interface Entry extends CatalogListing {
  text: string;
  /** Folded once here, not per query: a query may scan most of the 120,000 entries. */
  blacklistSubject: PreparedBlacklistSubject;
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
  /** Every entry, and every subcategory's, brand's and family's entries, in each sort order. */
  private orders: Orders = emptyOrders();
  private readonly ordersBy = { subcategory: new Map<string, Orders>(), brand: new Map<string, Orders>(), family: new Map<string, Orders>() };
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
    const entry: Entry = {
      ...listing,
      listedAt: current?.listedAt ?? listing.listedAt,
      text: searchText(`${listing.brand ?? ''} ${listing.title}`),
      blacklistSubject: blacklistSubjectOf(listing),
    };
    this.entries.set(entry.skuId, entry);
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
      curationStatus: state.curationStatus ?? 'approved',
      ...(state.imageUrl ? { imageUrl: state.imageUrl } : {}),
      ...(state.bestOffer ? { supplierSourceId: state.bestOffer.sourceId } : {}),
      listedAt: at,
      version: state.version,
    });
  }

  /** A delisting: the SKU stays known (for its version) but is no longer sellable; with staff's decision when that is why. */
  markUnsellable(skuId: string, version: number, curationStatus?: CurationStatus): void {
    const current = this.entries.get(skuId);
    if (current && current.version < version) {
      this.entries.set(skuId, { ...current, sellable: false, stock: 0, version, ...(curationStatus ? { curationStatus } : {}) });
      this.dirty = true;
    }
  }

  get(skuId: string): CatalogListing | undefined {
    const entry = this.entries.get(skuId);
    return entry ? listingOf(entry) : undefined;
  }

  query(query: CatalogQuery): CatalogPage {
    this.resortIfDue();
    const after = query.cursor ? decodeCursor(query.cursor, query.sort) : undefined;
    const matches = matcherOf(query);
    const compare = comparatorOf(query.sort);
    const ordered = this.narrowest(query)[query.sort];
    let start = after ? firstAfter(ordered, after, compare) : 0;
    // Price bounds on a price order: jump to the first entry inside them instead of walking up to it.
    if (!after && query.sort === 'price_asc' && query.minPriceFen !== undefined) start = firstAtLeast(ordered, query.minPriceFen, 1);
    if (!after && query.sort === 'price_desc' && query.maxPriceFen !== undefined) start = firstAtLeast(ordered, query.maxPriceFen, -1);
    const items: CatalogListing[] = [];
    let last: Entry | undefined;
    for (let i = start; i < ordered.length && items.length < query.limit; i++) {
      const entry = ordered[i]!;
      // The prebuilt order may hold an entry replaced since; the newer one is placed at the next resort.
      if (this.entries.get(entry.skuId) !== entry) continue;
      if (!matches(entry)) continue;
      if (query.sort === 'price_asc' && query.maxPriceFen !== undefined && entry.contractPriceFen > query.maxPriceFen) break;
      if (query.sort === 'price_desc' && query.minPriceFen !== undefined && entry.contractPriceFen < query.minPriceFen) break;
      items.push(listingOf(entry));
      last = entry;
    }
    const more = items.length === query.limit && last !== undefined;
    return { items, nextCursor: more ? encodeCursor(query.sort, last!) : null };
  }

  /** Every SKU `selection` matches, sellable or not (staff's bulk decisions), by SKU id. */
  selectKnown(selection: CatalogSelection): CatalogListing[] {
    const words = selection.q ? searchText(selection.q).split(' ').filter(Boolean) : [];
    const among = <T>(values: readonly T[] | undefined, value: T | undefined) => values === undefined || (value !== undefined && values.includes(value));
    const selected: CatalogListing[] = [];
    for (const entry of this.entries.values()) {
      if (
        among(selection.brands, entry.brand) &&
        among(selection.suppliers, entry.supplierSourceId) &&
        among(selection.families, entry.categoryFamily) &&
        among(selection.subcategories, entry.subcategory) &&
        among(selection.statuses, entry.curationStatus) &&
        (selection.minPriceFen === undefined || entry.contractPriceFen >= selection.minPriceFen) &&
        (selection.maxPriceFen === undefined || entry.contractPriceFen <= selection.maxPriceFen) &&
        words.every((word) => entry.text.includes(word))
      )
        selected.push(listingOf(entry));
    }
    return selected.sort((a, b) => (a.skuId < b.skuId ? -1 : a.skuId > b.skuId ? 1 : 0));
  }

  /**
   * Every SKU the filters match, in no particular order, unpaged: for counts and reports over the
   * sellable catalog (a mall's pool, a week's arrivals), which read all of it once.
   */
  *select(filter: CatalogFilter = {}): Generator<CatalogListing> {
    const matches = matcherOf(filter);
    for (const entry of this.entries.values()) if (matches(entry)) yield listingOf(entry);
  }

  /** The smallest prebuilt list that holds every entry the query can match. */
  private narrowest(query: CatalogQuery): Orders {
    const candidates = [
      query.subcategory === undefined ? undefined : (this.ordersBy.subcategory.get(query.subcategory) ?? emptyOrders()),
      query.brand === undefined ? undefined : (this.ordersBy.brand.get(query.brand) ?? emptyOrders()),
      query.family === undefined ? undefined : (this.ordersBy.family.get(query.family) ?? emptyOrders()),
    ].filter((orders): orders is Orders => orders !== undefined);
    return candidates.reduce((a, b) => (a.newest.length <= b.newest.length ? a : b), this.orders);
  }

  private resortIfDue(): void {
    const now = (this.options.now ?? Date.now)();
    if (!this.dirty || (this.sortedAt > 0 && now - this.sortedAt < (this.options.resortMs ?? 1_000))) return;
    const all = [...this.entries.values()];
    this.orders = ordersOf(all);
    for (const [dimension, keyOf] of [
      ['subcategory', (entry: Entry) => entry.subcategory],
      ['brand', (entry: Entry) => entry.brand],
      ['family', (entry: Entry) => entry.categoryFamily],
    ] as const) {
      const groups = new Map<string, Entry[]>();
      // Grouping the sorted lists keeps each group sorted: no sort per group.
      for (const sort of SORTS) {
        groups.clear();
        for (const entry of this.orders[sort]) {
          const key = keyOf(entry);
          if (key === undefined) continue;
          let group = groups.get(key);
          if (!group) groups.set(key, (group = []));
          group.push(entry);
        }
        const byKey = this.ordersBy[dimension];
        if (sort === SORTS[0]) byKey.clear();
        for (const [key, group] of groups) {
          let orders = byKey.get(key);
          if (!orders) byKey.set(key, (orders = emptyOrders()));
          orders[sort] = group;
        }
      }
    }
    this.dirty = false;
    this.sortedAt = now;
  }
}

/** The filters of a query without its order and paging. */
export type CatalogFilter = Omit<CatalogQuery, 'sort' | 'limit' | 'cursor'>;

/** What a query matches: sellable SKUs passing every filter it sets, not named by an active blacklist entry. */
function matcherOf(query: CatalogFilter): (entry: Entry) => boolean {
  const words = query.q ? searchText(query.q).split(' ').filter(Boolean) : [];
  const blacklist = query.blacklist;
  const now = new Date();
  return (entry) =>
    entry.sellable &&
    (!query.family || entry.categoryFamily === query.family) &&
    (!query.subcategory || entry.subcategory === query.subcategory) &&
    (!query.brand || entry.brand === query.brand) &&
    (query.minPriceFen === undefined || entry.contractPriceFen >= query.minPriceFen) &&
    (query.maxPriceFen === undefined || entry.contractPriceFen <= query.maxPriceFen) &&
    (!query.inStock || entry.stock > 0) &&
    (!query.newSince || entry.listedAt >= query.newSince) &&
    words.every((word) => entry.text.includes(word)) &&
    (!query.visible || query.visible(entry)) &&
    (!blacklist || blacklist.firstMatch(entry.blacklistSubject, now) === undefined);
}

type SortKey = [number, string];

function keyOf(sort: CatalogSort, entry: Entry): SortKey {
  return [sort === 'newest' ? entry.listedAt.getTime() : entry.contractPriceFen, entry.skuId];
}

/**
 * The order of a sort, comparing fields in place: a resort compares ~2 million pairs per order at 120,000
 * SKUs, and building a key per comparison made that a stall of the API's event loop.
 */
function comparatorOf(sort: CatalogSort): (a: Entry, b: Entry) => number {
  switch (sort) {
    case 'price_asc':
      return (a, b) => a.contractPriceFen - b.contractPriceFen || compareIds(a.skuId, b.skuId);
    case 'price_desc':
      return (a, b) => b.contractPriceFen - a.contractPriceFen || compareIds(a.skuId, b.skuId);
    case 'newest':
      return (a, b) => b.listedAt.getTime() - a.listedAt.getTime() || compareIds(a.skuId, b.skuId);
  }
}

/** Ties on the value are broken by SKU id, ascending, so every page boundary is exact. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
  const { text: _text, blacklistSubject: _subject, ...listing } = entry;
  return listing;
}

function blacklistSubjectOf(listing: CatalogListing): PreparedBlacklistSubject {
  return prepareBlacklistSubject({
    skuId: listing.skuId,
    ...(listing.brand ? { brand: listing.brand } : {}),
    categoryFamily: listing.categoryFamily,
    ...(listing.subcategory ? { subcategory: listing.subcategory } : {}),
    title: listing.title,
    supplierSourceIds: listing.supplierSourceId ? [listing.supplierSourceId] : [],
  });
}

function searchText(value: string): string {
  return cleanText(value).toLowerCase();
}

const SORTS = ['price_asc', 'price_desc', 'newest'] as const;
type Orders = Record<CatalogSort, Entry[]>;

function emptyOrders(): Orders {
  return { price_asc: [], price_desc: [], newest: [] };
}

function ordersOf(entries: Entry[]): Orders {
  return {
    price_asc: [...entries].sort(comparatorOf('price_asc')),
    price_desc: [...entries].sort(comparatorOf('price_desc')),
    newest: [...entries].sort(comparatorOf('newest')),
  };
}

/** The first position whose price is at or past `price` in an order ascending (1) or descending (-1) by price. */
function firstAtLeast(ordered: Entry[], price: number, direction: 1 | -1): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((ordered[middle]!.contractPriceFen - price) * direction < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
