import { newQualification, type Qualification, type QualificationInput } from '@supply-hub/catalog-domain';
import type { MongoQualificationStore } from '@supply-hub/catalog-data-access';

export interface RecordedQualifications {
  /** Stored by this call. */
  recorded: Qualification[];
  /** The same documents recorded before (left as they were). */
  existing: Qualification[];
}

/**
 * Records checked qualifications (one from the API, or every row of an import that read whole): a
 * document recorded before is kept as it was, so a repeated import adds only what is new. A crash in
 * the middle of a large import leaves part of it stored; running it again completes it.
 */
export class RecordQualifications {
  constructor(private readonly store: Pick<MongoQualificationStore, 'record'>) {}

  async execute(inputs: readonly QualificationInput[], by: string, at: Date): Promise<RecordedQualifications> {
    return this.store.record(inputs.map((input) => newQualification(input, by, at)));
  }
}
