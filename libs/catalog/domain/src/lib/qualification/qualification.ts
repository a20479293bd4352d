import { createHash } from 'node:crypto';
import { z } from 'zod';
import { cleanBrand } from '../normalize/fields';
import { matchingKey } from '../text/normalize-text';

/**
 * A supplier qualification (资质): the supplier's business licence (营业执照), or a brand owner's
 * authorisation (品牌授权) for the supplier to sell that brand. Valid from the start of `validFrom` to
 * the end of `validUntil`, both calendar days in Beijing time, as printed on the document.
 */
export const QUALIFICATION_KINDS = ['business-licence', 'brand-authorisation'] as const;
export type QualificationKind = (typeof QUALIFICATION_KINDS)[number];

export interface Qualification {
  id: string;
  /** A supplier source id: `jd`, `taobao`, `brand-midea`. */
  supplierId: string;
  kind: QualificationKind;
  /** The brand as recorded (authorisations only); compared by brandKeyOf. */
  brand?: string;
  /** `yyyy-mm-dd`. */
  validFrom: string;
  /** `yyyy-mm-dd`, the last day it is valid. */
  validUntil: string;
  /** Where the document is: a URL or the document's number. */
  documentRef?: string;
  recordedBy: string;
  recordedAt: Date;
}

export const QUALIFICATION_ID = /^qual_[0-9a-f]{20}$/;

/** The same pattern offer collections are named by (a source id is part of a collection name). */
const SUPPLIER_ID = /^[a-z0-9][a-z0-9-]{0,40}$/;

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as yyyy-mm-dd')
  .refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || new Date(Date.parse(`${value}T00:00:00Z`) || 0).toISOString().startsWith(value), 'is not a calendar date');

/** What staff say about a qualification (a POST body or a CSV row); checked the same way for both. */
export const qualificationInputSchema = z
  .strictObject({
    supplierId: z.string().trim().regex(SUPPLIER_ID, 'must be a supplier source id (jd, taobao, brand-midea: lower-case letters, digits, -)'),
    kind: z.enum(QUALIFICATION_KINDS, { message: 'must be business-licence or brand-authorisation' }),
    brand: z.string().trim().max(100).optional().describe('The authorised brand (brand-authorisation only)'),
    validFrom: day.describe('First valid day (Beijing), yyyy-mm-dd'),
    validUntil: day.describe('Last valid day (Beijing), yyyy-mm-dd'),
    documentRef: z.string().trim().max(500).optional().describe('The document: a URL or its number'),
  })
  .superRefine((input, context) => {
    if (input.kind === 'brand-authorisation' && !brandKeyOf(input.brand)) {
      context.addIssue({ code: 'custom', path: ['brand'], message: 'is required for a brand-authorisation' });
    }
    if (input.kind === 'business-licence' && input.brand) {
      context.addIssue({ code: 'custom', path: ['brand'], message: 'must be empty for a business-licence (it covers every brand)' });
    }
    if (input.validUntil < input.validFrom) {
      context.addIssue({ code: 'custom', path: ['validUntil'], message: `must not be before validFrom (${input.validFrom})` });
    }
  })
  .transform(({ brand, documentRef, ...rest }) => ({ ...rest, ...(brand ? { brand: cleanBrand(brand) ?? brand } : {}), ...(documentRef ? { documentRef } : {}) }));
export type QualificationInput = z.output<typeof qualificationInputSchema>;

/**
 * A brand as the catalog files it (cleanBrand: `Midea（美的）` → `Midea`), folded for matching
 * (matchingKey: case, full-width forms, spaces and punctuation), so a qualification for `ＭＩＤＥＡ` covers
 * the catalog's `Midea`. '' for no brand.
 */
export function brandKeyOf(brand: string | undefined | null): string {
  return matchingKey(cleanBrand(brand) ?? '');
}

/**
 * The id of a qualification, from what it is: recording the same document twice (a re-run import) finds
 * the first one instead of doubling it.
 */
export function qualificationIdOf(input: Pick<QualificationInput, 'supplierId' | 'kind' | 'brand' | 'validFrom' | 'validUntil'>): string {
  const key = [input.supplierId, input.kind, brandKeyOf(input.brand), input.validFrom, input.validUntil].join('|');
  return `qual_${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;
}

export function newQualification(input: QualificationInput, recordedBy: string, recordedAt: Date): Qualification {
  return { id: qualificationIdOf(input), ...input, recordedBy, recordedAt };
}

/** Whole days from `from` to `to` (`yyyy-mm-dd`): 1 from a day to the next. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function nextDay(value: string): string {
  return new Date(Date.parse(`${value}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
