import type { CurationRuleSet } from '@supply-hub/catalog-domain';
import { isDuplicateKeyError } from '@supply-hub/mongo';
import type { Collection, Db } from 'mongodb';
import { CATALOG_COLLECTIONS } from './catalog-collections';

/** The rule set new SKUs are curated by: one document, rewritten whole by version. */
export interface CurationRulesDocument extends CurationRuleSet {
  _id: 'current';
  /** 1 for the first saved set; an edit names the version it read. */
  version: number;
  updatedBy: string;
  updatedAt: Date;
}

export class MongoCurationRuleStore {
  readonly rules: Collection<CurationRulesDocument>;

  constructor(db: Db) {
    this.rules = db.collection<CurationRulesDocument>(CATALOG_COLLECTIONS.curationRules);
  }

  /** The saved rule set; undefined while none was ever saved (the defaults apply). */
  async read(): Promise<CurationRulesDocument | undefined> {
    return (await this.rules.findOne({ _id: 'current' })) ?? undefined;
  }

  /**
   * Saves `rules` over the version the editor read (0: none saved yet); false when someone saved another
   * version since, so two admins' edits never silently overwrite each other.
   */
  async save(rules: CurationRuleSet, expectedVersion: number, by: string, at: Date): Promise<CurationRulesDocument | undefined> {
    const document: CurationRulesDocument = { _id: 'current', rules: rules.rules, otherwise: rules.otherwise, version: expectedVersion + 1, updatedBy: by, updatedAt: at };
    if (expectedVersion === 0) {
      try {
        await this.rules.insertOne(document);
        return document;
      } catch (error) {
        if (isDuplicateKeyError(error)) return undefined;
        throw error;
      }
    }
    const { matchedCount } = await this.rules.replaceOne({ _id: 'current', version: expectedVersion }, document);
    return matchedCount === 1 ? document : undefined;
  }
}
