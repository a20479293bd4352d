import { type BlacklistTarget, CATEGORY_FAMILY_LABELS, type CategoryFamily } from '@supply-hub/contracts';
import { blacklistText } from './blacklist-text';

/** The SKU fields a blacklist entry can name, as catalog-sync and order-router each know them. */
export interface BlacklistSubject {
  skuId: string;
  brand?: string;
  categoryFamily?: CategoryFamily;
  subcategory?: string;
  title?: string;
  /**
   * The suppliers the SKU is sold from. Both services pass the source of the SKU's best offer (the one
   * drop-ship orders go to), the only supplier order-router's read model knows; a SKU merely also offered
   * by a blacklisted supplier stays sellable from its best offer.
   */
  supplierSourceIds: readonly string[];
}

/**
 * A subject with every field folded once: the catalog search matches each SKU it scans, and folding
 * 120,000 titles per query would cost more than the search itself.
 */
export interface PreparedBlacklistSubject {
  readonly skuId: string;
  readonly brand: string;
  readonly family: CategoryFamily | '';
  readonly subcategory: string;
  readonly title: string;
  readonly suppliers: readonly string[];
}

export function prepareBlacklistSubject(subject: BlacklistSubject): PreparedBlacklistSubject {
  return {
    skuId: subject.skuId,
    brand: blacklistText(subject.brand),
    family: subject.categoryFamily ?? '',
    subcategory: blacklistText(subject.subcategory),
    title: blacklistText(subject.title),
    suppliers: subject.supplierSourceIds.map((sourceId) => blacklistText(sourceId)).filter(Boolean),
  };
}

const FAMILY_BY_NAME = new Map<string, CategoryFamily>(
  (Object.entries(CATEGORY_FAMILY_LABELS) as [CategoryFamily, string][]).flatMap(([family, label]) => [
    [family, family],
    [blacklistText(label), family],
  ]),
);

/** The family a category entry names (`实物`, `physical`, `ＰＨＹＳＩＣＡＬ`), if it names one rather than a subcategory. */
export function familyNamed(value: string): CategoryFamily | undefined {
  return FAMILY_BY_NAME.get(blacklistText(value));
}

/**
 * What an entry matches by, as one string: SKU ids exactly, every other value folded (blacklistText),
 * a family under its English key whichever name staff used. Two entries with the same key overlap.
 * Empty when the value folds to nothing (such an entry must never match: '' is in every title).
 */
export function blacklistKeyOf(target: BlacklistTarget): string {
  if (target.kind === 'sku') return target.value.trim() === '' ? '' : `sku:${target.value.trim()}`;
  const folded = blacklistText(target.value);
  if (folded === '') return '';
  if (target.kind === 'category') {
    const family = familyNamed(target.value);
    return family ? `family:${family}` : `category:${folded}`;
  }
  return `${target.kind}:${folded}`;
}

/**
 * Whether `target` names this SKU: a SKU by its exact id; a brand or supplier by equal folded value; a
 * category by its subcategory or its family; a keyword when its folded value is part of the folded title.
 */
export function matchesBlacklistTarget(subject: BlacklistSubject | PreparedBlacklistSubject, target: BlacklistTarget): boolean {
  const prepared = asPreparedSubject(subject);
  const key = blacklistKeyOf(target);
  if (key === '') return false;
  return candidateKeysOf(prepared).includes(key) || (target.kind === 'keyword' && prepared.title.includes(key.slice('keyword:'.length)));
}

/** The keys of the exact-match entries that would name this subject (every kind but keywords). */
export function candidateKeysOf(subject: PreparedBlacklistSubject): string[] {
  const keys = [`sku:${subject.skuId}`];
  if (subject.brand) keys.push(`brand:${subject.brand}`);
  for (const supplier of subject.suppliers) keys.push(`supplier:${supplier}`);
  if (subject.subcategory) keys.push(`category:${subject.subcategory}`);
  if (subject.family) keys.push(`family:${subject.family}`);
  return keys;
}

export function asPreparedSubject(subject: BlacklistSubject | PreparedBlacklistSubject): PreparedBlacklistSubject {
  return 'suppliers' in subject ? subject : prepareBlacklistSubject(subject);
}
