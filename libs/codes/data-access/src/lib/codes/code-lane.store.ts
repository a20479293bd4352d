import { isDuplicateKeyError } from '@supply-hub/mongo';
import type { Collection, Db } from 'mongodb';

export const CODE_LANES_COLLECTION = 'code_lanes';

/**
 * A run of a pool's codes that expire together, handed out in order by an atomic cursor: code n of the
 * lane is `<laneId>:<n>`. An import makes one lane per expiry date of its batch; codes given back (a
 * failed issuance, an allocator that died after taking a number) make a lane of their own that lists them.
 * Why lanes: on FerretDB only `_id` lookups are fast, so "the available code closest to expiry" cannot be
 * a query; taking the next number of the earliest lane is one `$inc` on a small document.
 */
export interface CodeLaneDocument {
  _id: string;
  skuId: string;
  /** The import that made it; absent for a lane of codes given back. */
  batchId?: string;
  expiresAt: Date;
  count: number;
  /** The next number to hand out; the lane is used up at `count`. */
  next: number;
  /** Numbers set aside unissued when the lane expired. */
  expired?: number;
  /** A lane of codes given back lists their ids (n-th id for number n). */
  codeIds?: string[];
  /** Numbers below this were checked for orphans (taken, never claimed); see CodePool.recoverOrphans. */
  checkedUpTo: number;
  /** `next` at the previous orphan check: numbers below it have had a whole interval to be claimed. */
  nextAtLastCheck: number;
  createdAt: Date;
}

export function codeIdOf(lane: Pick<CodeLaneDocument, '_id' | 'codeIds'>, n: number): string {
  return lane.codeIds ? lane.codeIds[n]! : `${lane._id}:${n}`;
}

export class CodeLaneStore {
  readonly lanes: Collection<CodeLaneDocument>;

  constructor(db: Db) {
    this.lanes = db.collection<CodeLaneDocument>(CODE_LANES_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.lanes.createIndex({ skuId: 1, expiresAt: 1 });
  }

  /** Stores lanes; one stored already (an import completed twice) is left as it is. */
  async insert(lanes: readonly CodeLaneDocument[]): Promise<void> {
    for (const lane of lanes) {
      try {
        await this.lanes.insertOne(lane);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
  }

  /** A pool's lanes with codes left, soonest expiry first (a small collection: one lane per batch and date). */
  async open(skuId: string): Promise<CodeLaneDocument[]> {
    const lanes = await this.lanes.find({ skuId }).sort({ expiresAt: 1, createdAt: 1 }).toArray();
    return lanes.filter((lane) => lane.next < lane.count);
  }

  async all(skuId: string): Promise<CodeLaneDocument[]> {
    return this.lanes.find({ skuId }).sort({ expiresAt: 1, createdAt: 1 }).toArray();
  }

  /**
   * The lane's next `count` numbers (default one), taken atomically: the first of them, or undefined when
   * the lane has fewer left.
   */
  async take(lane: Pick<CodeLaneDocument, '_id' | 'count'>, count = 1): Promise<number | undefined> {
    const before = await this.lanes.findOneAndUpdate(
      { _id: lane._id, next: { $lte: lane.count - count } },
      { $inc: { next: count } },
      { returnDocument: 'before' },
    );
    return before ? before.next : undefined;
  }

  /** Takes every number left (the lane expired): the range [from, count), or undefined if another took it. */
  async takeRest(lane: CodeLaneDocument): Promise<{ from: number; to: number } | undefined> {
    const result = await this.lanes.updateOne({ _id: lane._id, next: lane.next }, { $set: { next: lane.count, expired: lane.count - lane.next } });
    return result.modifiedCount === 1 ? { from: lane.next, to: lane.count } : undefined;
  }

  /** Moves the orphan check forward, if nobody else did meanwhile. */
  async checked(lane: CodeLaneDocument, upTo: number, nextNow: number): Promise<boolean> {
    const result = await this.lanes.updateOne({ _id: lane._id, checkedUpTo: lane.checkedUpTo }, { $set: { checkedUpTo: upTo, nextAtLastCheck: nextNow } });
    return result.modifiedCount === 1;
  }
}
