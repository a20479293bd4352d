import { createHash } from 'node:crypto';
import type { IssuanceStatusChangedData } from '@supply-hub/contracts';
import type { FulfilmentKind } from './virtual-product';

/**
 * An issuance: the fulfilment of one virtual order line, exactly once. pending (taken in, nothing
 * settled) → processing (a provider is working on it) → issued | failed. Terminal states never move.
 */
export type IssuanceStatus = 'pending' | 'processing' | 'issued' | 'failed';

export type AttemptState = 'submitting' | 'processing' | 'unknown' | 'success' | 'failed' | 'not-sent';

/** One purchase at one provider, under one order number. */
export interface ProviderAttempt {
  n: number;
  providerId: string;
  orderNo: string;
  state: AttemptState;
  reason?: string;
  providerOrderId?: string;
  submittedAt: Date;
  settledAt?: Date;
  /** Status queries made so far (they space out as this grows). */
  checks: number;
}

export interface IssuanceEntry {
  at: Date;
  status: IssuanceStatus;
  note: string;
}

/** What virtual-codes found out about a delivery an after-sales case reports invalid (the contract's word). */
export type ReissueVerdict = NonNullable<IssuanceStatusChangedData['reissue']>['verdict'];

/** On a reissue: the case it is for, the verdict it was issued under and the line's issuance it stands in for. */
export interface ReissueOf {
  caseId: string;
  verdict: ReissueVerdict;
  originalIssuanceId: string;
}

/**
 * On a line's original issuance, one per case that asked for a reissue: the verdict, the delivery it was
 * about (the original or an earlier reissue) and, unless the provider confirmed delivery, the reissue's id.
 * Written before the reissue is created, so a redelivered request goes on from the decision, never asks
 * the provider again and never reaches another verdict.
 */
export interface ReissueRecord {
  caseId: string;
  verdict: ReissueVerdict;
  /** The delivery the case is about (whose codes are retired when the line is issued again). */
  replacesIssuanceId: string;
  /** How many units are issued again (at most the line's quantity), fixed with the decision. */
  quantity: number;
  /** The reissue; absent when the provider confirmed the delivery and nothing is issued again. */
  issuanceId?: string;
  /** Why nothing is issued again (confirmed delivered). */
  reason?: string;
  at: Date;
}

export interface Issuance {
  issuanceId: string;
  tenantId: string;
  orderId: string;
  lineId: string;
  skuId: string;
  quantity: number;
  /** The contract price per unit (what a refund gives back), when the order said. */
  unitPriceFen?: number;
  fulfilment: FulfilmentKind;
  /** The normalised account a top-up credits. */
  account?: string;
  status: IssuanceStatus;
  reason?: string;
  attempts: ProviderAttempt[];
  /** The codes issued (pool or bought), by id; the codes themselves are stored sealed elsewhere. */
  codeIds: string[];
  /** When the next status query or retry is due, while not terminal. */
  nextCheckAt?: Date;
  createdAt: Date;
  updatedAt: Date;
  issuedAt?: Date;
  timeline: IssuanceEntry[];
  /** Set on a reissue an after-sales case asked for (orderId and lineId stay the original line's). */
  reissue?: ReissueOf;
  /** Set on a line's original issuance once a case asked for a reissue, in the order they came. */
  reissues?: ReissueRecord[];
}

export const TERMINAL_ISSUANCE_STATUSES: readonly IssuanceStatus[] = ['issued', 'failed'];

const ALLOWED: Record<IssuanceStatus, readonly IssuanceStatus[]> = {
  pending: ['pending', 'processing', 'issued', 'failed'],
  processing: ['processing', 'issued', 'failed'],
  issued: [],
  failed: [],
};

export function canMoveIssuance(from: IssuanceStatus, to: IssuanceStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function isTerminalIssuance(status: IssuanceStatus): boolean {
  return TERMINAL_ISSUANCE_STATUSES.includes(status);
}

/**
 * The issuance id of a tenant's order line: the same for every delivery of the line's event, so the
 * store's unique id turns redeliveries and a second instance into no-ops. Short enough to be a
 * provider order number with an attempt suffix (福禄 and 聚合 take 32+ characters).
 */
export function issuanceIdFor(tenantId: string, orderId: string, lineId: string): string {
  return issuanceIdOf([tenantId, orderId, lineId]);
}

/**
 * The issuance id of the reissue an after-sales case asked for: one per case and line, so redeliveries
 * and a second instance find the same reissue. Same shape as a line's id, so provider order numbers and
 * notifies of a reissue work like any other (issuanceIdOfOrderNo).
 */
export function reissueIssuanceIdFor(tenantId: string, orderId: string, lineId: string, caseId: string): string {
  return issuanceIdOf([tenantId, orderId, lineId, caseId]);
}

/** The issuance a mall means by a line (its own issuance), or by a line and a case (that case's reissue). */
export function lineIssuanceIdFor(tenantId: string, orderId: string, lineId: string, caseId?: string): string {
  return caseId === undefined ? issuanceIdFor(tenantId, orderId, lineId) : reissueIssuanceIdFor(tenantId, orderId, lineId, caseId);
}

function issuanceIdOf(parts: readonly string[]): string {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `iss${digest.slice(0, 21)}`;
}

/** The provider order number of attempt `n` (one per logical purchase at one provider). */
export function attemptOrderNo(issuanceId: string, n: number): string {
  return `${issuanceId}${String(n).padStart(2, '0')}`;
}

/** The issuance an order number belongs to (a notify names only the number), or undefined for a foreign one. */
export function issuanceIdOfOrderNo(orderNo: string): string | undefined {
  return /^iss[0-9a-f]{21}\d{2}$/.test(orderNo) ? orderNo.slice(0, -2) : undefined;
}
