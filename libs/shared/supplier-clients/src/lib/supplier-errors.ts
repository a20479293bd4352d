import { DomainError } from '@supply-hub/errors';

/**
 * The supplier answered and said no (JD success:false, a Taobao isv.* error): the request or our
 * configuration (credentials, session, permissions) is wrong, and repeating it will not help.
 */
export class SupplierRefusedError extends DomainError {
  readonly code = 'supplier-refused';
  readonly kind = 'internal';

  constructor(sourceId: string, endpoint: string, supplierCode: string, supplierMessage: string) {
    super(`${sourceId}: ${endpoint} refused: ${supplierCode} ${supplierMessage}`.trim(), { sourceId, endpoint, supplierCode, supplierMessage });
  }
}

/**
 * The supplier's answer does not follow its protocol (no envelope, a feed that is not an array). Kind
 * `unavailable`: it is the supplier's fault and a later pull may find it fixed.
 */
export class SupplierAnswerMalformedError extends DomainError {
  readonly code = 'supplier-answer-malformed';
  readonly kind = 'unavailable';

  constructor(sourceId: string, endpoint: string, problem: string) {
    super(`${sourceId}: ${endpoint} answered outside its protocol: ${problem}`, { sourceId, endpoint, problem });
  }
}
