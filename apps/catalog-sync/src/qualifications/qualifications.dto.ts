import { QUALIFICATION_KINDS, type Qualification } from '@supply-hub/catalog-domain';
import { z } from 'zod';

export const listQualificationsQuerySchema = z.strictObject({
  supplierId: z.string().trim().min(1).max(41).optional().describe('A supplier source id (jd, taobao, brand-midea)'),
  brand: z.string().trim().min(1).max(100).optional().describe('Authorisations for this brand (matched as the catalog files brands), and the licences'),
});
export type ListQualificationsQuery = z.output<typeof listQualificationsQuerySchema>;

export const expiringQuerySchema = z.strictObject({
  withinDays: z.coerce.number().int().min(1).max(365).default(30).describe('Documents whose cover ends within this many days'),
});

export const qualificationViewSchema = z
  .object({
    id: z.string(),
    supplierId: z.string(),
    kind: z.enum(QUALIFICATION_KINDS),
    brand: z.string().nullable(),
    validFrom: z.iso.date(),
    validUntil: z.iso.date(),
    documentRef: z.string().nullable(),
    recordedBy: z.string(),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'Qualification' });
export type QualificationView = z.output<typeof qualificationViewSchema>;

export const recordedQualificationSchema = z
  .object({ qualification: qualificationViewSchema, restoredSkuIds: z.array(z.string()).describe('SKUs a lapse had suspended that this record reinstated') })
  .meta({ id: 'RecordedQualification' });

export const qualificationImportSchema = z
  .object({
    recorded: z.number().int(),
    alreadyRecorded: z.number().int().describe('Rows naming a document recorded before (left as it was)'),
    restoredSkuIds: z.array(z.string()),
  })
  .meta({ id: 'QualificationImport' });

export const qualificationListSchema = z.object({ items: z.array(qualificationViewSchema) }).meta({ id: 'QualificationList' });

export const expiringListSchema = z
  .object({ withinDays: z.number().int(), items: z.array(z.object({ qualification: qualificationViewSchema, daysLeft: z.number().int() })) })
  .meta({ id: 'ExpiringQualifications' });

export function qualificationView(qualification: Qualification): QualificationView {
  return {
    id: qualification.id,
    supplierId: qualification.supplierId,
    kind: qualification.kind,
    brand: qualification.brand ?? null,
    validFrom: qualification.validFrom,
    validUntil: qualification.validUntil,
    documentRef: qualification.documentRef ?? null,
    recordedBy: qualification.recordedBy,
    recordedAt: qualification.recordedAt.toISOString(),
  };
}
