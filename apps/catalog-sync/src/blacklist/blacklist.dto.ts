import { BLACKLIST_ENTRY_ID } from '@supply-hub/catalog-application';
import { BLACKLIST_TARGET_KINDS } from '@supply-hub/contracts';
import { z } from 'zod';

const reason = z.string().trim().min(1, 'must not be empty').max(500);

export const newBlacklistEntrySchema = z.strictObject({
  target: z.strictObject({
    kind: z
      .enum(BLACKLIST_TARGET_KINDS)
      .describe(
        'supplier (source id: jd, taobao, brand-…), brand, sku (SKU id), category (subcategory, or a family: 实物 / 虚拟 / 服务 / 优惠券), keyword (in the title)',
      ),
    value: z.string().trim().min(1, 'must not be empty').max(100).describe('Matched after folding case, full-width forms and white space; a SKU id exactly'),
  }),
  reason: reason.describe('Why, for the people who read refusals and the history'),
  evidenceUrl: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .max(500)
    .optional()
    .describe('Inspection report, complaint, photo'),
  expiresAt: z.iso
    .datetime({ offset: true, message: 'must be an ISO 8601 date-time with an offset' })
    .transform((value) => new Date(value))
    .optional()
    .describe('When the entry stops applying by itself (must be in the future); absent: until removed'),
});
export type NewBlacklistEntryInput = z.output<typeof newBlacklistEntrySchema>;

export const removeBlacklistEntrySchema = z.strictObject({ reason: reason.describe('Why the entry is lifted') });

export const listBlacklistQuerySchema = z.strictObject({
  kind: z.enum(BLACKLIST_TARGET_KINDS).optional(),
  active: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .transform((value) => value === 'true')
    .optional()
    .describe('true: entries that apply now; false: removed, expired or past their expiry'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(200).optional().describe('nextCursor of the previous page'),
});
export type ListBlacklistQuery = z.output<typeof listBlacklistQuerySchema>;

export const blacklistEntryIdSchema = z.string().regex(BLACKLIST_ENTRY_ID, 'must be a blacklist entry id (bl_ and 20 hex digits)');

export const blacklistEntryViewSchema = z
  .object({
    entryId: z.string(),
    target: z.object({ kind: z.enum(BLACKLIST_TARGET_KINDS), value: z.string() }),
    reason: z.string(),
    evidenceUrl: z.string().nullable(),
    author: z.string(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable(),
    state: z.enum(['active', 'removed', 'expired']),
    active: z.boolean().describe('Whether it applies now (active and not past its expiry)'),
    removedAt: z.iso.datetime().nullable(),
    removedBy: z.string().nullable(),
    removalReason: z.string().nullable(),
    expiredAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'BlacklistEntry' });
export type BlacklistEntryView = z.output<typeof blacklistEntryViewSchema>;

export const blacklistPageSchema = z.object({ items: z.array(blacklistEntryViewSchema), nextCursor: z.string().nullable() }).meta({ id: 'BlacklistPage' });
