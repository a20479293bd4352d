import type { OfferDraft } from '../offer/validate-offer';

/** What one source record turns into before validation. */
export type NormalizedRecord =
  | { kind: 'offer'; draft: OfferDraft }
  /** A stock poll's answer (JD): only the stock of an offer we may already hold. */
  | { kind: 'stock'; sourceId: string; externalId: string; stock: number }
  /** The adapter could not read the record whole; it is quarantined with this reason. */
  | { kind: 'malformed'; reason: string };
