import type { CaseActor, CaseKind, CaseResolution, CaseStatus } from '@supply-hub/contracts';

export type { CaseActor, CaseKind, CaseResolution, CaseStatus };

export interface CaseTimelineEntry {
  at: Date;
  status: CaseStatus;
  actor: CaseActor;
  note?: string;
}

/** What the mall says its member paid for the units of the case: echoed in the refund. */
export interface MemberPayment {
  points: number;
  cashFen: number;
}

/** The parcel the member sends back, to the warehouse the label names. */
export interface ReturnParcel {
  warehouseId: string;
  rmaNumber: string;
  labelIssuedAt: Date;
  carrier?: string;
  trackingNumber?: string;
  shippedAt?: Date;
  receivedAt?: Date;
  receivedQuantity?: number;
}

export interface Inspection {
  result: 'pass' | 'fail';
  notes: string;
  at: Date;
  warehouseId: string;
}

export interface CaseRefund {
  refundId: string;
  amountFen?: number;
  at: Date;
}

/** The replacement parcel order-router ships for the case. */
export interface CaseReplacement {
  requestedAt: Date;
  /** order-router's replacement order, once it announced it. */
  orderId?: string;
  status: 'requested' | 'accepted' | 'dispatched' | 'delivered' | 'refused';
  note?: string;
}

export interface CaseReissue {
  requestedAt: Date;
  issuanceId?: string;
  status: 'requested' | 'processing' | 'issued' | 'failed';
  verdict?: 'confirmed-not-delivered' | 'confirmed-delivered' | 'not-verifiable';
  note?: string;
}

/**
 * An after-sales case of a mall, about one order line. Tenant-owned: every read is scoped by tenantId.
 * Every move is checked against its kind's state machine and written with the event announcing it.
 */
export interface AftersalesCase {
  caseId: string;
  tenantId: string;
  mallCaseId: string;
  /** Hash of the request that opened it: the same mall case id with another body is a conflict. */
  requestFingerprint: string;
  orderId: string;
  mallOrderId: string;
  lineId: string;
  skuId: string;
  lineKind: 'physical' | 'virtual';
  kind: CaseKind;
  reason: string;
  description?: string;
  photos: string[];
  quantity: number;
  memberPaid?: MemberPayment;
  /** How the case ends when it is upheld; may fall back to a refund when a replacement or reissue cannot be had. */
  resolution: CaseResolution;
  needsReturn: boolean;
  status: CaseStatus;
  openedAt: Date;
  /** The first-response promise (24 h around the clock by default). */
  respondBy: Date;
  firstResponseAt?: Date;
  escalatedAt?: Date;
  returnParcel?: ReturnParcel;
  inspection?: Inspection;
  refund?: CaseRefund;
  replacement?: CaseReplacement;
  reissue?: CaseReissue;
  qualitySignalId?: string;
  /** Why a case was rejected. */
  rejectionReason?: string;
  timeline: CaseTimelineEntry[];
  updatedAt: Date;
}
