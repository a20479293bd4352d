import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../events/event-definition';
import { TOPICS } from '../topics/topic-names';

/** What a quality blacklist entry can name. */
export const BLACKLIST_TARGET_KINDS = ['supplier', 'brand', 'sku', 'category', 'keyword'] as const;
export type BlacklistTargetKind = (typeof BLACKLIST_TARGET_KINDS)[number];

export const blacklistTargetSchema = z.object({
  kind: z.enum(BLACKLIST_TARGET_KINDS).describe('supplier (source id), brand, sku (SKU id), category (subcategory or family) or keyword (in the title)'),
  value: z.string().min(1).max(100).describe('As staff wrote it; matched after folding case, full-width forms and white space'),
});
export type BlacklistTarget = z.output<typeof blacklistTargetSchema>;

export const BLACKLIST_CHANGES = ['added', 'removed', 'expired'] as const;
export type BlacklistChange = (typeof BLACKLIST_CHANGES)[number];

export const blacklistChangedSchema = z.object({
  entryId: z.string().min(1).describe('The blacklist entry, the aggregate id'),
  change: z.enum(BLACKLIST_CHANGES).describe('added: applies from now on; removed (by staff) or expired: no longer applies'),
  target: blacklistTargetSchema,
  reason: z.string().min(1).max(500).describe('Why: the entry’s reason when added, the removal reason when removed'),
  evidenceUrl: z.url().optional().describe('Inspection report, complaint, photo: where the evidence is'),
  author: z.string().min(1).max(200).describe('Who made this change: the staff subject, or system:… for an expiry'),
  expiresAt: z.iso.datetime().optional().describe('When the entry stops applying by itself; absent: until removed'),
  at: z.iso.datetime().describe('When the change happened'),
});

/**
 * A quality blacklist entry was added, removed or ran out. Not tenant-scoped: an entry hides SKUs from
 * every mall. Consumers keep the active entries and refuse new orders for SKUs matching one.
 */
export const BlacklistChanged = defineEvent({
  type: 'supplyhub.catalog.blacklist-changed.v1',
  topic: TOPICS.blacklist,
  description: 'A quality blacklist entry (supplier, brand, SKU, category or title keyword) was added, removed or expired.',
  tenantScoped: false,
  schema: blacklistChangedSchema,
  keyOf: (data) => data.entryId,
});

export type BlacklistChangedData = EventDataOf<typeof BlacklistChanged>;
