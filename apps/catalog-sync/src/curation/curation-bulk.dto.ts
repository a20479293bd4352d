import { CURATION_ACTIONS } from '@supply-hub/catalog-domain';
import { CATEGORY_FAMILIES, curationStatusSchema } from '@supply-hub/contracts';
import { z } from 'zod';

const list = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'must name at least one; leave the criterion out to match any').max(200);
const fen = z.number().int().nonnegative();

export const catalogSelectionSchema = z
  .strictObject({
    brands: list(z.string().trim().min(1).max(100)).optional(),
    suppliers: list(z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'must be a supplier source id (jd, taobao, brand-…)'))
      .optional()
      .describe('The supplier of the best offer (the one that ships the SKU)'),
    families: list(z.enum(CATEGORY_FAMILIES)).optional(),
    subcategories: list(z.string().trim().min(1).max(100)).optional(),
    minPriceFen: fen.optional().describe('Contract price from, in fen'),
    maxPriceFen: fen.optional().describe('Contract price up to, in fen'),
    statuses: list(curationStatusSchema).optional(),
    q: z.string().trim().min(1).max(100).optional().describe('Words that must all appear in the title or brand'),
  })
  .refine((filter) => Object.keys(filter).length > 0, { message: 'name at least one criterion: a bulk action never selects the whole catalog by accident' })
  .refine((filter) => filter.minPriceFen === undefined || filter.maxPriceFen === undefined || filter.minPriceFen <= filter.maxPriceFen, {
    message: 'must not be below minPriceFen',
    path: ['maxPriceFen'],
  });

export const bulkCurationSchema = z.strictObject({
  filter: catalogSelectionSchema,
  action: z.enum(CURATION_ACTIONS),
  reason: z.string().trim().min(1).max(500),
  dryRun: z.boolean().default(false).describe('true: count what the action would move, change nothing'),
  confirmCount: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('Required to act: the `applicable` count of the dry run; if the filter now selects another number, nothing is done (409)'),
});
export type BulkCurationInput = z.output<typeof bulkCurationSchema>;

/** Bulk actions' ids: their audit entries are written when they finish (by curation recovery after a crash). */
export const BULK_ACTION_PREFIX = 'cur_';

export const curationActionIdSchema = z.string().regex(/^cur_[0-9a-f-]{36}$/, 'must be a curation action id (cur_…)');
