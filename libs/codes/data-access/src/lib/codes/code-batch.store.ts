import type { Collection, Db } from 'mongodb';

export const CODE_BATCHES_COLLECTION = 'code_batches';

/** A lane a batch's codes are handed out from (one per expiry date in the batch). */
export interface PlannedLane {
  laneId: string;
  expiresAt: Date;
  count: number;
}

/**
 * An imported batch of card codes: what staff said about it and who imported it. Written after its codes
 * and before its lanes (the import's commit point): codes without a batch record are a half-written
 * import, removed by the next import of the same codes; a batch with `lanesPending` is completed by the
 * pool sweep.
 */
export interface CodeBatchDocument {
  _id: string;
  skuId: string;
  faceValueFen: number;
  costFen: number;
  expiresAt: Date;
  count: number;
  reference?: string;
  lanes: PlannedLane[];
  lanesPending: boolean;
  importedAt: Date;
  importedBy: string;
}

export class CodeBatchStore {
  readonly batches: Collection<CodeBatchDocument>;

  constructor(db: Db) {
    this.batches = db.collection<CodeBatchDocument>(CODE_BATCHES_COLLECTION);
  }

  async insert(batch: CodeBatchDocument): Promise<void> {
    await this.batches.insertOne(batch);
  }

  async lanesWritten(batchId: string): Promise<void> {
    await this.batches.updateOne({ _id: batchId }, { $set: { lanesPending: false } });
  }

  /** Which of these batches were committed. */
  async committed(batchIds: readonly string[]): Promise<Set<string>> {
    if (batchIds.length === 0) return new Set();
    return new Set((await this.batches.find({ _id: { $in: [...batchIds] } }, { projection: { _id: 1 } }).toArray()).map((batch) => batch._id));
  }

  /** Batches whose lanes an import did not get to write (a small collection: one document per import). */
  async withLanesPending(): Promise<CodeBatchDocument[]> {
    return this.batches.find({ lanesPending: true }).toArray();
  }

  async ofSku(skuId: string): Promise<CodeBatchDocument[]> {
    return this.batches.find({ skuId }, { projection: { lanes: 0 } }).sort({ importedAt: -1 }).toArray();
  }
}
