import { categoryFamilySchema, type CategoryFamily } from '@supply-hub/contracts';
import type { FieldIssue } from '@supply-hub/errors';
import { z } from 'zod';
import type { SourceKind } from '../sources/supplier-source';
import type { CanonicalOffer, OfferStatus, Spec } from './canonical-offer';

/** What a normaliser could read from a record; validation decides whether it is an offer. */
export interface OfferDraft {
  sourceId: string;
  sourceKind: SourceKind;
  externalId: string;
  title?: string;
  brand?: string;
  model?: string;
  categoryFamily?: CategoryFamily;
  subcategory?: string;
  specs?: Spec[];
  images?: string[];
  /** Normalised already; `invalidBarcode` holds what was sent when it failed its check digit. */
  barcode?: string;
  invalidBarcode?: string;
  supplyPriceFen?: number;
  marketPriceFen?: number;
  stock?: number;
  status?: OfferStatus;
}

export type OfferValidation = { ok: true; offer: CanonicalOffer } | { ok: false; issues: FieldIssue[] };

const MAX_PRICE_FEN = 100_000_000; // ¥1,000,000: above it a price is a unit error, not a reward.
const fen = (what: string) =>
  z
    .number({ message: `${what} is missing or not a price` })
    .int(`${what} must be whole fen`)
    .positive(`${what} must be above zero`)
    .max(MAX_PRICE_FEN, `${what} is above ¥1,000,000`);

const offerSchema = z
  .object({
    sourceId: z.string().min(1),
    sourceKind: z.enum(['jd', 'taobao', 'brand-feed']),
    externalId: z.string().min(1, 'the record has no id').max(100, 'the id is longer than 100 characters'),
    title: z.string({ message: 'title is missing' }).min(2, 'title is missing or too short').max(200, 'title is longer than 200 characters'),
    brand: z.string({ message: 'brand is missing' }).min(1, 'brand is missing').max(60, 'brand is longer than 60 characters'),
    model: z.string().max(80).optional(),
    categoryFamily: categoryFamilySchema,
    subcategory: z.string({ message: 'category is missing' }).min(1, 'category is missing').max(40),
    specs: z.array(z.object({ name: z.string().min(1).max(40), value: z.string().max(200) })).max(60),
    images: z.array(z.url({ protocol: /^https?$/, message: 'image is not an http(s) URL' })).max(20),
    barcode: z
      .string()
      .regex(/^\d{13}$/)
      .optional(),
    supplyPriceFen: fen('supply price'),
    marketPriceFen: fen('market reference price'),
    stock: z.number({ message: 'stock is missing' }).int('stock must be a whole number').nonnegative('stock must not be negative'),
    status: z.enum(['listed', 'delisted']),
  })
  .refine((offer) => offer.marketPriceFen >= offer.supplyPriceFen, {
    message: 'supply price is above the market reference price',
    path: ['supplyPriceFen'],
  });

/**
 * Checks a draft against the canonical model and the catalog's business rules. Every problem is
 * reported (not just the first), so a quarantined record says all that is wrong with it.
 */
export function validateOffer(draft: OfferDraft): OfferValidation {
  const issues: FieldIssue[] = [];
  if (draft.invalidBarcode !== undefined) issues.push({ path: 'barcode', message: `barcode ${draft.invalidBarcode} fails its check digit` });
  const result = offerSchema.safeParse({ specs: [], images: [], status: 'listed', ...withoutUndefined(draft), invalidBarcode: undefined });
  if (!result.success) {
    for (const issue of result.error.issues) issues.push({ path: issue.path.join('.') || '(record)', message: issue.message });
  }
  if (issues.length > 0 || !result.success) return { ok: false, issues };
  const offer = result.data;
  return {
    ok: true,
    offer: {
      ...offer,
      offerId: `${offer.sourceId}:${offer.externalId}`,
      ...(offer.model ? { model: offer.model } : {}),
      ...(offer.barcode ? { barcode: offer.barcode } : {}),
    } as CanonicalOffer,
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
