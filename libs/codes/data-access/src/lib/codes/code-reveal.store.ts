import type { Collection, Db } from 'mongodb';

export const CODE_REVEALS_COLLECTION = 'code_reveals';

/** One reveal of an order line's codes: who asked, when, for what. Append-only. */
export interface CodeRevealDocument {
  _id: string;
  tenantId: string;
  issuanceId: string;
  orderId: string;
  lineId: string;
  codeIds: string[];
  /** The API key (id) that asked. */
  actor: string;
  at: Date;
}

export class CodeRevealStore {
  readonly reveals: Collection<CodeRevealDocument>;

  constructor(db: Db) {
    this.reveals = db.collection<CodeRevealDocument>(CODE_REVEALS_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.reveals.createIndex({ tenantId: 1, issuanceId: 1, at: -1 });
  }

  async record(reveal: CodeRevealDocument): Promise<void> {
    await this.reveals.insertOne(reveal);
  }

  async ofIssuance(tenantId: string, issuanceId: string): Promise<CodeRevealDocument[]> {
    return this.reveals.find({ tenantId, issuanceId }).sort({ at: -1 }).toArray();
  }
}
