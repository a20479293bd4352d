import type { Collection, Db } from 'mongodb';

export const CODE_BATCHES_COLLECTION = 'code_batches';

/** An imported batch of card codes: what staff said about it and who imported it. */
export interface CodeBatchDocument {
  _id: string;
  skuId: string;
  faceValueFen: number;
  costFen: number;
  expiresAt: Date;
  count: number;
  reference?: string;
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

  async ofSku(skuId: string): Promise<CodeBatchDocument[]> {
    return this.batches.find({ skuId }).sort({ importedAt: -1 }).toArray();
  }
}
