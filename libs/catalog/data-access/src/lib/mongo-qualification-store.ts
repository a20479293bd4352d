import type { CurationAction, Qualification } from '@supply-hub/catalog-domain';
import { insertReportingExisting, isDuplicateKeyError } from '@supply-hub/mongo';
import type { Collection, Db } from 'mongodb';
import { findByIds } from './bulk';
import { CATALOG_COLLECTIONS } from './catalog-collections';

export type QualificationDocument = Omit<Qualification, 'id'> & { _id: string };

/** A curation action a suspension record has begun and not yet taken note of (crash recovery: carried out again). */
export interface PendingQualificationAction {
  action: Extract<CurationAction, 'suspend' | 'reinstate'>;
  actionId: string;
  skuIds: string[];
  reason: string;
}

/**
 * The SKUs a lapsed qualification took off sale, for one supplier and brand: `suspended` while the lapse
 * lasts (skuIds: the SKUs to give back), `restored` once it is over. Each lapse is a new round.
 */
export interface QualificationSuspensionDocument {
  _id: string;
  supplierId: string;
  brandKey: string;
  /** The brand as the catalog shows it (the first SKU found). */
  brand: string;
  round: number;
  state: 'suspended' | 'restored';
  reason: string;
  skuIds: string[];
  pending?: PendingQualificationAction;
  updatedAt: Date;
}

/** Which lapses (`<supplierId>|<kind>|<brand key>|<validUntil>`) the last products scan acted on, and when. */
export interface QualificationScanDocument {
  _id: string;
  lapses: string[];
  at: Date;
}

export const qualificationSuspensionId = (supplierId: string, brandKey: string): string => `${supplierId}|${brandKey}`;

const SCAN_ID = 'products-scan';

/**
 * Qualifications and what their lapses suspended. All three collections stay small (documents per
 * supplier and brand), so they are read whole, which FerretDB does by scan.
 */
export class MongoQualificationStore {
  readonly qualifications: Collection<QualificationDocument>;
  readonly suspensions: Collection<QualificationSuspensionDocument>;
  private readonly scans: Collection<QualificationScanDocument>;

  constructor(db: Db) {
    this.qualifications = db.collection<QualificationDocument>(CATALOG_COLLECTIONS.qualifications);
    this.suspensions = db.collection<QualificationSuspensionDocument>(CATALOG_COLLECTIONS.qualificationSuspensions);
    this.scans = db.collection<QualificationScanDocument>(CATALOG_COLLECTIONS.qualificationSweeps);
  }

  async ensureIndexes(): Promise<void> {
    await this.qualifications.createIndex({ supplierId: 1, validUntil: 1 });
  }

  /**
   * Stores the qualifications; those recorded before (same id: the same document) are left as they
   * were and returned apart, so a re-run import adds only what it had not.
   */
  async record(qualifications: readonly Qualification[]): Promise<{ recorded: Qualification[]; existing: Qualification[] }> {
    const taken = new Set(await insertReportingExisting(this.qualifications, qualifications.map(toDocument)));
    if (taken.size === 0) return { recorded: [...qualifications], existing: [] };
    const stored = new Map((await findByIds(this.qualifications, [...taken])).map((document) => [document._id, fromDocument(document)]));
    return {
      recorded: qualifications.filter((qualification) => !taken.has(qualification.id)),
      existing: qualifications.filter((qualification) => taken.has(qualification.id)).map((qualification) => stored.get(qualification.id) ?? qualification),
    };
  }

  async all(): Promise<Qualification[]> {
    return (await this.qualifications.find({}).toArray()).map(fromDocument);
  }

  async allSuspensions(): Promise<QualificationSuspensionDocument[]> {
    return this.suspensions.find({}).toArray();
  }

  async suspension(id: string): Promise<QualificationSuspensionDocument | null> {
    return this.suspensions.findOne({ _id: id });
  }

  /** Writes the record as the caller moved it on; false when another writer changed it first (read again). */
  async saveSuspension(next: QualificationSuspensionDocument, expected: { round: number; pendingActionId: string | undefined } | null): Promise<boolean> {
    const { _id, ...fields } = next;
    if (expected === null) {
      try {
        await this.suspensions.insertOne(next);
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    }
    const guard = expected.pendingActionId === undefined ? { 'pending.actionId': { $exists: false } } : { 'pending.actionId': expected.pendingActionId };
    const result = await this.suspensions.replaceOne({ _id, round: expected.round, ...guard }, fields);
    return result.modifiedCount === 1 || result.matchedCount === 1;
  }

  async lastScan(): Promise<QualificationScanDocument | null> {
    return this.scans.findOne({ _id: SCAN_ID });
  }

  async saveScan(lapses: readonly string[], at: Date): Promise<void> {
    await this.scans.replaceOne({ _id: SCAN_ID }, { lapses: [...lapses], at }, { upsert: true });
  }
}

function toDocument({ id, ...fields }: Qualification): QualificationDocument {
  return { _id: id, ...fields };
}

function fromDocument({ _id, ...fields }: QualificationDocument): Qualification {
  return { id: _id, ...fields };
}
