import {
  type IndustryTemplateId,
  industryTemplate,
  type PointsBandPolicy,
  type PoolFilters,
  type SelectionPool,
  type SelectionPoolDefinition,
  type SelectionPoolStore,
} from '@supply-hub/catalog-domain';
import { type FieldIssue, ValidationError } from '@supply-hub/errors';
import { serializeSelectionPoolChange } from './selection-pool-events';

/** A PUT of a mall's pool: the body describes the whole pool; what it leaves out comes from the template. */
export interface SelectionPoolInput {
  /** Absent: the mall's current template, or generic for a new pool. */
  template?: IndustryTemplateId;
  /** Absent: the template's filters. Given: these filters, in place of the template's. */
  filters?: PoolFilters;
  includes?: string[];
  excludes?: string[];
}

export interface SelectionPoolWrite {
  before: SelectionPool | null;
  after: SelectionPool;
}

/**
 * Sets a mall's selection pool (选品池). Included and excluded SKUs must be in the catalog (a typo would
 * otherwise sit in the pool unnoticed) and not in both lists; a refused pool changes nothing. A saved
 * pool is announced (SelectionPoolChanged) in the same write, so order-router refuses what it leaves out.
 */
export class SaveSelectionPool {
  constructor(
    private readonly store: SelectionPoolStore,
    /** Which of these SKU ids the catalog has (by `_id`: never a scan of the products). */
    private readonly knownSkuIds: (skuIds: readonly string[]) => Promise<Set<string>>,
    /** Resolves the pool's points bands to the price ranges its SelectionPoolChanged event carries. */
    private readonly bandPolicy: PointsBandPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The pool the input describes, checked, without writing it (a dry run shows it and its count). */
  async resolve(mallId: string, input: SelectionPoolInput): Promise<SelectionPoolDefinition> {
    const template = input.template ?? (await this.store.get(mallId))?.template ?? 'generic';
    const definition: SelectionPoolDefinition = {
      template,
      filters: compact(input.filters ?? industryTemplate(template).filters),
      includes: [...new Set(input.includes ?? [])],
      excludes: [...new Set(input.excludes ?? [])],
    };
    const issues = await this.problemsOf(definition);
    if (issues.length > 0) throw new ValidationError(`the selection pool of ${mallId} cannot be saved`, issues);
    return definition;
  }

  async execute(mallId: string, input: SelectionPoolInput, by: string): Promise<SelectionPoolWrite> {
    const definition = await this.resolve(mallId, input);
    return this.store.save(mallId, definition, by, this.now(), (after) => [serializeSelectionPoolChange(after, this.bandPolicy)]);
  }

  private async problemsOf(definition: SelectionPoolDefinition): Promise<FieldIssue[]> {
    const issues: FieldIssue[] = [];
    const { minPriceFen, maxPriceFen } = definition.filters;
    if (minPriceFen !== undefined && maxPriceFen !== undefined && minPriceFen > maxPriceFen) issues.push({ path: 'filters.minPriceFen', message: 'must not be above maxPriceFen' });
    const included = new Set(definition.includes);
    definition.excludes.forEach((skuId, index) => {
      if (included.has(skuId)) issues.push({ path: `excludes.${index}`, message: `${skuId} is in includes too: a SKU is either always in or never in` });
    });
    const known = await this.knownSkuIds([...definition.includes, ...definition.excludes]);
    for (const list of ['includes', 'excludes'] as const) {
      definition[list].forEach((skuId, index) => {
        if (!known.has(skuId)) issues.push({ path: `${list}.${index}`, message: `unknown SKU ${skuId}: the catalog has no such SKU` });
      });
    }
    return issues;
  }
}

/** Empty lists and absent bounds left out, so the stored pool says only what narrows it. */
function compact(filters: PoolFilters): PoolFilters {
  const compacted: PoolFilters = {};
  if (filters.families?.length) compacted.families = [...new Set(filters.families)];
  if (filters.subcategories?.length) compacted.subcategories = [...new Set(filters.subcategories)];
  if (filters.brands?.length) compacted.brands = [...new Set(filters.brands)];
  if (filters.bands?.length) compacted.bands = [...new Set(filters.bands)];
  if (filters.minPriceFen !== undefined) compacted.minPriceFen = filters.minPriceFen;
  if (filters.maxPriceFen !== undefined) compacted.maxPriceFen = filters.maxPriceFen;
  return compacted;
}
