/**
 * The port virtual-codes issues top-ups and bought card codes through (福禄-style gateway, 聚合-style URL
 * API, …). One implementation per protocol family in @supply-hub/codes-providers; the issuance saga in
 * the application layer decides what to do with each answer. The rules it relies on (protocol notes,
 * "Never double-recharge"): a timeout or unreadable answer is `unknown`, never `failed`; only a
 * confirmed failure may move a purchase to another provider; `not-sent` means the request provably never
 * left (breaker open, request refused before sending), so it is safe to go elsewhere.
 */

/** How the provider fulfils: credit an account (话费 / 流量 / 加油卡 / membership) or sell card codes (卡密). */
export type RechargeKind = 'direct' | 'mobile' | 'card';

export interface RechargeRequest {
  /** Our order number at the provider (customer_order_no / orderid): unique per purchase attempt. */
  orderNo: string;
  kind: RechargeKind;
  /** The provider's product id (or, for URL-style mobile top-ups, the face value in yuan as text). */
  providerProductId: string;
  /** The account to credit, for `direct` and `mobile`. */
  account?: string;
  /** Face value per unit, in fen (URL-style top-ups send it in yuan). */
  faceValueFen: number;
  quantity: number;
}

/** A card code bought from a provider, in plaintext only between the adapter and the cipher. */
export interface PurchasedCard {
  code: string;
  password?: string;
  /** ISO date-time, when the provider gives one. */
  expiresAt?: string;
}

/** What the provider says about one of our orders. */
export type RechargeOrderState =
  | { state: 'success'; providerOrderId?: string; cards?: PurchasedCard[]; finishedAt?: string }
  /** Accepted / untreated / in progress: not final, ask again later or wait for the notify. */
  | { state: 'processing'; providerOrderId?: string }
  /** Confirmed by the provider: the purchase did not and will not happen. */
  | { state: 'failed'; reason: string }
  /** The provider has no order with this number. */
  | { state: 'not-found' }
  /** Timeout, 5xx, cut connection, unreadable answer: nothing is known. */
  | { state: 'unknown'; reason: string };

/** The answer to a submit. */
export type RechargeSubmitResult =
  | RechargeOrderState
  /** Never sent (circuit breaker open, nothing on the wire): safe to try another provider. */
  | { state: 'not-sent'; reason: string }
  /** The provider already has an order with this number (a repeat after a lost answer): query it. */
  | { state: 'duplicate' };

/** A notify (asynchronous result callback) as the provider posted it. */
export interface RechargeNotifyRequest {
  /** The body as received: raw text, because signatures are over exact bytes. */
  body: string;
  contentType?: string;
}

export type RechargeNotifyReading =
  | { ok: true; orderNo: string; state: Extract<RechargeOrderState, { state: 'success' | 'failed' | 'processing' }> }
  | { ok: false; reason: string };

export interface RechargeProvider {
  /** Configuration id (e.g. `fulu`, `juhe`), stored on every attempt. */
  readonly id: string;
  /** The text the provider expects back when a notify was taken (else it retries). */
  readonly notifyAck: string;
  /** False while the provider's circuit breaker is open: new issuances go to the fallback. */
  isAvailable(): boolean;
  /** Sends one purchase, once (never retried blindly: after `unknown` the caller queries first). */
  submit(request: RechargeRequest): Promise<RechargeSubmitResult>;
  /** Where the order with this number stands. */
  query(orderNo: string): Promise<RechargeOrderState>;
  /** Checks a notify's signature and reads it; a bad signature is `ok: false`. */
  readNotify(request: RechargeNotifyRequest): RechargeNotifyReading;
}
