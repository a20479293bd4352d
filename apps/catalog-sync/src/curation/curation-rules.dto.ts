import { curationRuleSetIssues } from '@supply-hub/catalog-domain';
import { CATEGORY_FAMILIES } from '@supply-hub/contracts';
import { z } from 'zod';

const initialStatus = z.enum(['approved', 'pending', 'rejected']);
const list = (item: z.ZodString) => z.array(item).min(1, 'must name at least one; leave the criterion out to match any').max(200);
const fen = z.number().int().nonnegative();

const ruleSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  when: z
    .strictObject({
      brands: list(z.string().trim().min(1).max(100)).optional(),
      suppliers: list(z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'must be a supplier source id (jd, taobao, brand-…)')).optional(),
      families: z.array(z.enum(CATEGORY_FAMILIES)).min(1).optional(),
      subcategories: list(z.string().trim().min(1).max(100)).optional(),
      minPriceFen: fen.optional(),
      maxPriceFen: fen.optional(),
      qualifiedSupplier: z.boolean().optional().describe('true: the best offer’s supplier holds a valid business licence and authorisation for the brand'),
    })
    .describe('Every criterion given must hold; within one, any listed value matches; {} matches every SKU'),
  then: initialStatus,
});

/** A whole rule set, as an admin saves it over the version they read. */
export const curationRulesInputSchema = z
  .strictObject({
    rules: z.array(ruleSchema).max(200).describe('In order: the first rule that matches a new SKU decides'),
    otherwise: initialStatus.describe('The state of a new SKU no rule matches'),
    version: z.number().int().nonnegative().describe('The version this edit was made from (0 when none was saved); another edit since is a 409'),
  })
  .superRefine((value, context) => {
    for (const issue of curationRuleSetIssues(value))
      context.addIssue({ code: 'custom', path: issue.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)), message: issue.message });
  });
export type CurationRulesInput = z.output<typeof curationRulesInputSchema>;
