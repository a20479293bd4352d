import { beijingDayOf } from '../quality/quality-score';
import { brandKeyOf, daysBetween, nextDay, type Qualification, type QualificationKind } from './qualification';

export const DEFAULT_EXPIRY_WARNING_DAYS = 30;

/** A document kind that does not cover today although one did before: what it was and when it ended. */
export interface LapsedQualification {
  kind: QualificationKind;
  /** The last valid day of the latest such document. */
  validUntil: string;
}

/**
 * Where a supplier stands for a brand on a day: `qualified` (a valid business licence and a valid
 * authorisation for the brand, beyond the warning window), `expiring` (covered, but not beyond the last
 * covered day within the window), `expired` (not covered, and a licence or authorisation that covered it
 * has ended: what the sweep suspends for), `missing` (not covered and nothing ever lapsed: never recorded,
 * or only documents that start later).
 */
export type QualificationStatus =
  | { status: 'qualified'; until: string }
  | { status: 'expiring'; until: string; daysLeft: number }
  | { status: 'expired'; lapsed: LapsedQualification[] }
  | { status: 'missing'; missing: QualificationKind[] };

/** A kind of document a supplier (for a brand: brandKey, '' for the licence) no longer holds; validUntil: the latest one's. */
export interface Lapse extends LapsedQualification {
  supplierId: string;
  brandKey: string;
}

/** One document about to end without a successor that continues it. */
export interface ExpiringQualification {
  qualification: Qualification;
  /** Days from today to its last valid day (0: today is the last). */
  daysLeft: number;
}

/**
 * Every qualification, loaded (the collection is small), with the questions curation asks of them.
 * Documents of one kind chain: a renewal recorded ahead of time (valid from the day after the old one
 * ends) keeps the supplier covered without a gap, so neither warns nor lapses.
 */
export class QualificationSet {
  private readonly bySupplier = new Map<string, Qualification[]>();

  constructor(readonly all: readonly Qualification[]) {
    for (const qualification of all) {
      const list = this.bySupplier.get(qualification.supplierId) ?? [];
      list.push(qualification);
      this.bySupplier.set(qualification.supplierId, list);
    }
  }

  /**
   * Whether `supplierId` may sell `brand` at `at`: a valid business licence and a valid authorisation for
   * the brand (expiring soon still counts). The question the default-state rules for new SKUs ask.
   */
  isQualified(supplierId: string, brand: string, at: Date): boolean {
    const { status } = this.statusOf(supplierId, brand, at);
    return status === 'qualified' || status === 'expiring';
  }

  statusOf(supplierId: string, brand: string, at: Date, warnWithinDays = DEFAULT_EXPIRY_WARNING_DAYS): QualificationStatus {
    const today = beijingDayOf(at);
    const kinds: [QualificationKind, Qualification[]][] = [
      ['business-licence', this.documents(supplierId, 'business-licence')],
      ['brand-authorisation', this.documents(supplierId, 'brand-authorisation', brand)],
    ];
    const ends = kinds.map(([, documents]) => coveredUntil(documents, today));
    if (ends.every((end): end is string => end !== undefined)) {
      const until = ends.reduce((earliest, end) => (end < earliest ? end : earliest));
      const daysLeft = daysBetween(today, until);
      return daysLeft < warnWithinDays ? { status: 'expiring', until, daysLeft } : { status: 'qualified', until };
    }
    const lapsed: LapsedQualification[] = [];
    const missing: QualificationKind[] = [];
    kinds.forEach(([kind, documents], index) => {
      if (ends[index] !== undefined) return;
      const ended = documents.filter((document) => document.validUntil < today).map((document) => document.validUntil);
      if (ended.length > 0) lapsed.push({ kind, validUntil: ended.reduce((latest, end) => (end > latest ? end : latest)) });
      else missing.push(kind);
    });
    return lapsed.length > 0 ? { status: 'expired', lapsed } : { status: 'missing', missing };
  }

  /** Documents valid today whose cover (with the renewals chained to it) ends within `withinDays`: the warning list. */
  expiring(at: Date, withinDays = DEFAULT_EXPIRY_WARNING_DAYS): ExpiringQualification[] {
    const today = beijingDayOf(at);
    return this.all
      .filter((document) => document.validFrom <= today && document.validUntil >= today)
      .filter((document) => {
        const chain = this.documents(document.supplierId, document.kind, document.brand);
        return daysBetween(today, coveredUntil(chain, today)!) < withinDays;
      })
      .map((qualification) => ({ qualification, daysLeft: daysBetween(today, qualification.validUntil) }))
      .sort((a, b) => a.daysLeft - b.daysLeft || a.qualification.supplierId.localeCompare(b.qualification.supplierId));
  }

  /**
   * Every licence and brand authorisation that has ended without anything covering today in its place:
   * the suppliers (and brands) whose SKUs the sweep looks for. One per supplier and kind (and brand).
   */
  lapses(at: Date): Lapse[] {
    const today = beijingDayOf(at);
    const found = new Map<string, Lapse>();
    for (const document of this.all) {
      if (document.validUntil >= today) continue;
      const brandKey = brandKeyOf(document.brand);
      const scope = `${document.supplierId}|${document.kind}|${brandKey}`;
      const chain = this.documents(document.supplierId, document.kind, document.brand);
      if (coveredUntil(chain, today) !== undefined) continue;
      const known = found.get(scope);
      if (!known || known.validUntil < document.validUntil) found.set(scope, { supplierId: document.supplierId, kind: document.kind, brandKey, validUntil: document.validUntil });
    }
    return [...found.values()];
  }

  private documents(supplierId: string, kind: QualificationKind, brand?: string): Qualification[] {
    const key = brandKeyOf(brand);
    return (this.bySupplier.get(supplierId) ?? []).filter((document) => document.kind === kind && (kind === 'business-licence' || brandKeyOf(document.brand) === key));
  }
}

/** The last day of the unbroken run of days from `today` that `documents` cover; undefined when today is not covered. */
function coveredUntil(documents: readonly Qualification[], today: string): string | undefined {
  let until: string | undefined;
  for (let extended = true; extended; ) {
    extended = false;
    const from = until === undefined ? today : nextDay(until);
    for (const document of documents) {
      if (document.validFrom <= from && document.validUntil >= from && (until === undefined || document.validUntil > until)) {
        until = document.validUntil;
        extended = true;
      }
    }
  }
  return until;
}

/**
 * Why a supplier's SKUs of a brand are suspended: `supplier jd's brand authorisation for 美的 expired on
 * 2026-10-01` (the first day it no longer covered: the day after its validUntil).
 */
export function lapseReason(supplierId: string, brand: string, lapsed: readonly LapsedQualification[]): string {
  return lapsed
    .map(({ kind, validUntil }) =>
      kind === 'business-licence'
        ? `supplier ${supplierId}'s business licence expired on ${nextDay(validUntil)}`
        : `supplier ${supplierId}'s brand authorisation for ${brand} expired on ${nextDay(validUntil)}`,
    )
    .join('; ');
}
