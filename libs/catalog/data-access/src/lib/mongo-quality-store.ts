import type { InspectionResult, QualityDay, QualityScore, QualitySignalKind, QualitySubjectKind } from '@supply-hub/catalog-domain';
import type { Collection, Db } from 'mongodb';
import { CATALOG_COLLECTIONS } from './catalog-collections';

/**
 * A subject's day. Inspections are kept by id (`inspections.<id>` = result), not counted with $inc, so an
 * inspection recorded again after a crash lands once; the day's counts are read from them.
 */
export interface QualityDayDocument extends Omit<QualityDay, 'inspectionsPassed' | 'inspectionsFailed'> {
  _id: string;
  inspections?: Record<string, InspectionResult>;
}

/** A subject's latest score, rewritten whenever one of its facts comes in. */
export type QualityScoreDocument = QualityScore & { _id: string; kind: QualitySubjectKind; subjectId: string; windowDays: number; at: Date };

export const qualitySubjectKey = (kind: QualitySubjectKind, id: string): string => `${kind}:${id}`;

/**
 * Quality facts by subject and day, and each subject's latest score. Days are read by `_id` (the one
 * lookup FerretDB serves from an index): a 30-day window is 30 ids.
 */
export class MongoQualityStore {
  readonly days: Collection<QualityDayDocument>;
  readonly scores: Collection<QualityScoreDocument>;

  constructor(db: Db) {
    this.days = db.collection<QualityDayDocument>(CATALOG_COLLECTIONS.qualityDays);
    this.scores = db.collection<QualityScoreDocument>(CATALOG_COLLECTIONS.qualityScores);
  }

  async ensureIndexes(): Promise<void> {
    await this.scores.createIndex({ kind: 1, breach: 1 });
  }

  /** Adds to a subject's day: units ordered, units of a signal kind, late dispatches, an inspection's result. */
  async add(
    subject: string,
    day: string,
    add: { orderedUnits?: number; signal?: { kind: QualitySignalKind; units: number }; lateDispatches?: number; inspection?: { id: string; result: InspectionResult } },
  ): Promise<void> {
    const inc: Record<string, number> = {};
    if (add.orderedUnits) inc.orderedUnits = add.orderedUnits;
    if (add.lateDispatches) inc.lateDispatches = add.lateDispatches;
    if (add.signal) inc[`signals.${add.signal.kind}`] = add.signal.units;
    const set = add.inspection ? { [`inspections.${add.inspection.id}`]: add.inspection.result } : {};
    await this.days.updateOne(
      { _id: `${subject}|${day}` },
      // Counters start at 0 on a new day; $inc creates the ones it names.
      {
        ...(Object.keys(inc).length > 0 ? { $inc: inc } : {}),
        ...(add.inspection ? { $set: set } : {}),
        $setOnInsert: { ...(inc.orderedUnits ? {} : { orderedUnits: 0 }), ...(inc.lateDispatches ? {} : { lateDispatches: 0 }), ...(add.signal ? {} : { signals: {} }) },
      },
      { upsert: true },
    );
  }

  async window(subject: string, days: readonly string[]): Promise<QualityDay[]> {
    const found = await this.days.find({ _id: { $in: days.map((day) => `${subject}|${day}`) } }).toArray();
    return found.map((day) => {
      const results = Object.values(day.inspections ?? {});
      return {
        orderedUnits: day.orderedUnits ?? 0,
        signals: day.signals ?? {},
        lateDispatches: day.lateDispatches ?? 0,
        inspectionsPassed: results.filter((result) => result === 'pass').length,
        inspectionsFailed: results.filter((result) => result === 'fail').length,
      };
    });
  }

  async saveScore(score: QualityScoreDocument): Promise<void> {
    const { _id, ...fields } = score;
    await this.scores.replaceOne({ _id }, fields, { upsert: true });
  }

  async score(kind: QualitySubjectKind, id: string): Promise<QualityScoreDocument | null> {
    return this.scores.findOne({ _id: qualitySubjectKey(kind, id) });
  }

  /** Subjects breaching the policy, worst first (staff's report; suspension acts on them). */
  async breaches(limit: number): Promise<QualityScoreDocument[]> {
    return this.scores.find({ breach: { $exists: true } }).sort({ complaintRate: -1, _id: 1 }).limit(limit).toArray();
  }

  /** Every supplier's score (a short list: one per drop-ship supplier), for the best-offer choice. */
  async supplierScores(): Promise<QualityScoreDocument[]> {
    return this.scores.find({ kind: 'supplier' }).toArray();
  }
}
