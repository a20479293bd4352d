/** The catalog database's collections, in one place. Offers live in one collection per source. */
export const CATALOG_COLLECTIONS = {
  products: 'products',
  quarantine: 'quarantine',
  eventBatches: 'catalog_event_batches',
  stockSnapshots: 'stock_snapshots',
  syncJobs: 'sync_jobs',
  syncSeen: 'sync_seen',
  sourceStates: 'source_states',
  syncLeases: 'sync_leases',
  /** Quality blacklist entries (`_id` = entry id), with their BlacklistChanged events in an outbox. */
  blacklist: 'blacklist',
  /** The overlap key of each active blacklist entry (`_id` = key). */
  blacklistKeys: 'blacklist_keys',
  /** Quality facts per subject and Beijing day (`_id` = `<kind>:<id>|<yyyy-mm-dd>`). */
  qualityDays: 'quality_days',
  /** Each subject's latest quality score over its window (`_id` = `<kind>:<id>`). */
  qualityScores: 'quality_scores',
  /** Staff curation actions (`_id` = action id), written before their SKUs (crash recovery). */
  curationActions: 'curation_actions',
  /** The rules that decide new SKUs' first curation state (one document, `_id` = 'current'). */
  curationRules: 'curation_rules',
  /** One selection pool (选品池) per mall (`_id` = the mall's tenant id). */
  selectionPools: 'selection_pools',
  /** Supplier qualifications (`_id` = qualification id, derived from the document); small, read whole. */
  qualifications: 'qualifications',
  /** What a lapsed qualification suspended, per supplier and brand (`_id` = `<supplierId>|<brand key>`), for a precise restore. */
  qualificationSuspensions: 'qualification_suspensions',
  /** The qualification sweep's own state (`_id` = 'products-scan'): which lapses its last products scan acted on. */
  qualificationSweeps: 'qualification_sweeps',
  /** Sample inspections (`_id` = inspection id), written before their suspensions and score facts (crash recovery). */
  inspections: 'inspections',
} as const;

/**
 * One collection per source: the end of a full sync streams its source's offers, and on FerretDB any
 * scan reads the whole collection, so a source's scan must not read the others'.
 */
export function offersCollectionOf(sourceId: string): string {
  if (!/^[a-z0-9][a-z0-9-]{0,40}$/.test(sourceId)) throw new Error(`source id "${sourceId}" is not a valid collection name part`);
  return `offers_${sourceId}`;
}
