import type { CategoryFamily } from '@supply-hub/contracts';
import type { ProductState } from '../product/product-state';
import { cleanText } from '../text/normalize-text';
import type { ProductCuration } from './product-curation';

/** The states a new SKU may start in. */
export type InitialCurationStatus = 'approved' | 'pending' | 'rejected';

/** What a rule asks of a new SKU; every criterion given must hold, and within one any listed value matches. */
export interface CurationRuleCondition {
  brands?: string[];
  /** The supplier (source id) of its best offer. */
  suppliers?: string[];
  families?: CategoryFamily[];
  subcategories?: string[];
  minPriceFen?: number;
  maxPriceFen?: number;
  /** Whether the best offer's supplier holds a valid business licence and an authorisation for the brand. */
  qualifiedSupplier?: boolean;
}

export interface CurationRule {
  /** Unique within the set; named in the decision's reason. */
  name: string;
  when: CurationRuleCondition;
  then: InitialCurationStatus;
}

/** Rules are data, edited by admins: the first rule that matches a new SKU decides; none: `otherwise`. */
export interface CurationRuleSet {
  rules: CurationRule[];
  otherwise: InitialCurationStatus;
}

/**
 * Until admins write rules, every new SKU is approved: the catalog sold whatever suppliers listed before
 * curation existed, and a deployment that has recorded no supplier qualifications yet would otherwise
 * sell nothing new.
 */
export const DEFAULT_CURATION_RULES: CurationRuleSet = Object.freeze({ rules: [], otherwise: 'approved' }) as CurationRuleSet;

/** The actor named on decisions the rules make. */
export const CURATION_RULES_ACTOR = 'curation-rules';

/** What rules need to know about qualifications (supplier qualifications answer it). */
export interface SupplierQualificationCheck {
  isQualified(supplierId: string, brand: string, at: Date): boolean;
}

/** Without qualification records no supplier is qualified. */
export const NO_QUALIFICATIONS: SupplierQualificationCheck = { isQualified: () => false };

/** The decision the rules make on a SKU the catalog has never had. */
export function initialCurationOf(product: ProductState, rules: CurationRuleSet, qualifications: SupplierQualificationCheck, at: Date): ProductCuration {
  const supplier = product.offers.find((offer) => offer.offerId === product.bestOfferId)?.sourceId ?? product.offers[0]?.sourceId;
  const rule = rules.rules.find((candidate) => ruleMatches(candidate.when, product, supplier, qualifications, at));
  const reason = rule ? `rule "${rule.name}"` : 'no rule matched: the default for new SKUs';
  return { status: rule?.then ?? rules.otherwise, reason, by: CURATION_RULES_ACTOR, at: at.toISOString() };
}

function ruleMatches(
  when: CurationRuleCondition,
  product: ProductState,
  supplier: string | undefined,
  qualifications: SupplierQualificationCheck,
  at: Date,
): boolean {
  const among = (values: readonly string[] | undefined, value: string | undefined, fold: (text: string) => string = (text) => text) =>
    values === undefined || (value !== undefined && values.some((candidate) => fold(candidate) === fold(value)));
  if (!among(when.brands, product.brand, foldBrand)) return false;
  if (!among(when.suppliers, supplier)) return false;
  if (!among(when.families, product.categoryFamily)) return false;
  if (!among(when.subcategories, product.subcategory)) return false;
  if (when.minPriceFen !== undefined && product.contractPriceFen < when.minPriceFen) return false;
  if (when.maxPriceFen !== undefined && product.contractPriceFen > when.maxPriceFen) return false;
  if (when.qualifiedSupplier !== undefined) {
    const qualified = supplier !== undefined && qualifications.isQualified(supplier, product.brand, at);
    if (qualified !== when.qualifiedSupplier) return false;
  }
  return true;
}

/** Brands as staff type them and as suppliers spell them (full-width, case, spacing) compare equal. */
function foldBrand(brand: string): string {
  return cleanText(brand).toLowerCase();
}

/** Why a rule set cannot be saved, field by field (an empty list: it can). */
export function curationRuleSetIssues(rules: CurationRuleSet): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  rules.rules.forEach((rule, index) => {
    if (seen.has(rule.name)) issues.push({ path: `rules.${index}.name`, message: `"${rule.name}" names an earlier rule too; names must be unique` });
    seen.add(rule.name);
    const { minPriceFen, maxPriceFen } = rule.when;
    if (minPriceFen !== undefined && maxPriceFen !== undefined && minPriceFen > maxPriceFen)
      issues.push({ path: `rules.${index}.when.maxPriceFen`, message: `must not be below minPriceFen (${minPriceFen})` });
  });
  return issues;
}
