import { insertReportingExisting, updateEachReadingBack } from '@supply-hub/mongo';
import type { Collection, Db } from 'mongodb';

export const CODE_ALLOCATIONS_COLLECTION = 'code_allocations';

/**
 * Slot n of an issuance (`_id` = `<issuanceId>#<n>`): taken (codeId null) before a code is drawn, so two
 * instances on one issuance never both draw; then the code drawn, written before it is claimed, so a
 * run that dies after this finds the code again.
 */
export interface CodeAllocationDocument {
  _id: string;
  codeId: string | null;
  at: Date;
}

export function slotOf(issuanceId: string, n: number): string {
  return `${issuanceId}#${n}`;
}

export class CodeAllocationStore {
  readonly allocations: Collection<CodeAllocationDocument>;

  constructor(db: Db) {
    this.allocations = db.collection<CodeAllocationDocument>(CODE_ALLOCATIONS_COLLECTION);
  }

  async get(slot: string): Promise<CodeAllocationDocument | null> {
    return this.allocations.findOne({ _id: slot });
  }

  async getMany(slots: readonly string[]): Promise<CodeAllocationDocument[]> {
    return slots.length === 0 ? [] : this.allocations.find({ _id: { $in: [...slots] } }).toArray();
  }

  /** Takes the slot (codeId null, no code drawn yet); false when the slot exists already. */
  async record(slot: string, at: Date): Promise<boolean> {
    return (await this.recordMany([slot], at)).length === 0;
  }

  /** Takes the slots (codeId null) in one write; returns those that existed already. */
  async recordMany(slots: readonly string[], at: Date): Promise<string[]> {
    return insertReportingExisting(
      this.allocations,
      slots.map((slot) => ({ _id: slot, codeId: null, at })),
    );
  }

  /** Points the slot at a code, if it still holds `from` (null: taken, no code yet). */
  async replace(slot: string, from: string | null, to: string, at: Date): Promise<boolean> {
    const result = await this.allocations.updateOne({ _id: slot, codeId: from }, { $set: { codeId: to, at } });
    return result.modifiedCount === 1;
  }

  /**
   * Points each slot at its code, if the slot still holds no code, in one write; returns the slots that
   * now hold their code (all of them, unless another run filled one first: then read back).
   */
  async fillMany(fills: readonly { slot: string; codeId: string }[], at: Date): Promise<Set<string>> {
    const stands = await updateEachReadingBack(
      this.allocations,
      fills.map(({ slot, codeId }) => ({ filter: { _id: slot, codeId: null }, update: { $set: { codeId, at } } })),
      (allocation, index) => allocation?.codeId === fills[index]!.codeId,
    );
    return new Set(fills.filter((_, index) => stands[index]).map((fill) => fill.slot));
  }

  /** Frees slots taken without a code (the pool was empty). */
  async abandon(slots: readonly string[]): Promise<void> {
    if (slots.length > 0) await this.allocations.deleteMany({ _id: { $in: [...slots] }, codeId: null });
  }

  async remove(slots: readonly string[]): Promise<void> {
    if (slots.length > 0) await this.allocations.deleteMany({ _id: { $in: [...slots] } });
  }
}
