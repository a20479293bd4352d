import type { BlacklistTarget } from '@supply-hub/contracts';
import type { FieldIssue } from '@supply-hub/errors';
import { blacklistKeyOf } from './match-blacklist';

export interface NewBlacklistTerms {
  target: BlacklistTarget;
  expiresAt?: Date;
}

/**
 * The business checks of a new entry, each problem named by field (the shape is the API schema's job):
 * a value that folds to nothing would match every title, and an entry that is over before it is written
 * is a mistake (most likely a time zone or a date typed in the past), not a no-op.
 */
export function checkBlacklistTerms(terms: NewBlacklistTerms, now: Date): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (blacklistKeyOf(terms.target) === '') issues.push({ path: 'target.value', message: 'must contain more than white space' });
  if (terms.expiresAt !== undefined && terms.expiresAt.getTime() <= now.getTime()) {
    issues.push({ path: 'expiresAt', message: `must be in the future (it is ${terms.expiresAt.toISOString()}, now is ${now.toISOString()})` });
  }
  return issues;
}
