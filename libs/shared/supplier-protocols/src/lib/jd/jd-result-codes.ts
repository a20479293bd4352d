/**
 * `resultCode` values of the envelope. 0000, 0008 and 3103 come from the protocol notes; the others are
 * (unsure), the sandbox's reading: 1003 (no such token) and 1004 (token expired) as open-source
 * integrations report them, 1001 / 1002 / 1005 a refused token request (client, sign, user and
 * password: fix the configuration, never retry), 2001 bad parameter, 3101 no such order, 3102 order
 * past cancelling, 3008 SKU unavailable for an order, 5000 platform error, 5001 call quota used up. Adapters decide "refresh and retry" with `isJdTokenRejected` and "retry later" with `isJdRetryableFailure` only,
 * so checking the codes against a live account is one edit here.
 */
export const JD_RESULT_CODES = {
  success: '0000',
  /** order/submitOrder: this thirdOrder already exists; `result` carries that order. */
  orderExists: '0008',
  /** oauth2/accessToken and refreshToken: unknown client_id or wrong client_secret. (unsure) */
  invalidClient: '1001',
  /** oauth2/accessToken: `sign` does not match the form. (unsure) */
  invalidSignature: '1002',
  tokenNotFound: '1003',
  tokenExpired: '1004',
  /** oauth2/accessToken: unknown username or wrong password. (unsure) */
  invalidCredentials: '1005',
  /** A required field is missing or malformed. */
  invalidParameter: '2001',
  /** order/confirmOrder: already confirmed. */
  orderAlreadyConfirmed: '3103',
  /** order/*: no order with that jdOrderId or thirdOrder on this account. (unsure) */
  orderNotFound: '3101',
  /** order/cancel: the order was confirmed (or has moved on) and can no longer be cancelled. (unsure) */
  orderNotCancellable: '3102',
  /** order/submitOrder: a SKU is delisted or has too few units for the order. (unsure) */
  orderSkuUnavailable: '3008',
  /** The account's call quota for the period is used up; try again later. */
  callLimited: '5001',
  /** The platform failed; try again later. */
  systemError: '5000',
} as const;

export type JdResultCode = (typeof JD_RESULT_CODES)[keyof typeof JD_RESULT_CODES];

export const JD_TOKEN_REJECTED_CODES: readonly string[] = [JD_RESULT_CODES.tokenNotFound, JD_RESULT_CODES.tokenExpired];

/** A `success:false` answer that a fresh token may turn into a success. */
export function isJdTokenRejected(envelope: { success: boolean; resultCode: string }): boolean {
  return !envelope.success && JD_TOKEN_REJECTED_CODES.includes(envelope.resultCode);
}

/** A `success:false` answer that is the platform's fault and may succeed later unchanged. */
export function isJdRetryableFailure(envelope: { success: boolean; resultCode: string }): boolean {
  return !envelope.success && (envelope.resultCode === JD_RESULT_CODES.systemError || envelope.resultCode === JD_RESULT_CODES.callLimited);
}
