import { ConflictError } from '@supply-hub/errors';

/** A case the policy does not allow: window passed, nothing delivered yet, goods not returnable. */
export class CaseRefusedError extends ConflictError {
  override readonly code = 'case-refused';

  constructor(refusal: string, message: string) {
    super(message, { refusal });
  }
}

/** A move the case's state machine does not allow from where it is (e.g. resolving a rejected case). */
export class CaseTransitionRefusedError extends ConflictError {
  override readonly code = 'case-transition-refused';

  constructor(caseId: string, message: string) {
    super(`case ${caseId}: ${message}`, { caseId });
  }
}

/** Someone changed the case between our read and our write, again and again. */
export class CaseBusyError extends ConflictError {
  override readonly code = 'case-busy';

  constructor(caseId: string) {
    super(`case ${caseId} kept changing while this change was being made; try again`, { caseId });
  }
}
