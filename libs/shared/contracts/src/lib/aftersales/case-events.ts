import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../events/event-definition';
import { TOPICS } from '../topics/topic-names';

/** What an after-sales case is about: each kind has its own state machine and policy. */
export const CASE_KINDS = ['return', 'exchange', 'damaged', 'missing', 'wrong-item', 'quality', 'invalid-code'] as const;
export const caseKindSchema = z.enum(CASE_KINDS);
export type CaseKind = z.infer<typeof caseKindSchema>;

export const CASE_STATUSES = [
  'opened',
  'approved',
  'rejected',
  'return-label-issued',
  'return-in-transit',
  'received',
  'inspected',
  'resolving',
  'resolved',
  'closed',
] as const;
export const caseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

export const caseActorSchema = z.object({
  kind: z.enum(['mall', 'staff', 'warehouse', 'system']),
  /** Staff subject, warehouse id or tenant id; absent for the system. */
  id: z.string().min(1).optional(),
});
export type CaseActor = z.infer<typeof caseActorSchema>;

export const caseResolutionSchema = z.enum(['refund', 'replacement', 'reissue']);
export type CaseResolution = z.infer<typeof caseResolutionSchema>;

const caseRef = {
  caseId: z.string().regex(/^cas_[0-9a-f]{20}$/).describe('supply-hub case id'),
  mallCaseId: z.string().min(1).max(64).describe("The mall's own case id"),
  orderId: z.string().min(1),
  lineId: z.string().min(1),
  kind: caseKindSchema,
};

export const CaseStatusChanged = defineEvent({
  type: 'supplyhub.aftersales.case-status-changed.v1',
  topic: TOPICS.cases,
  description: 'An after-sales case moved (opened, approved, rejected, return steps, resolving, resolved, closed), with who moved it and why.',
  tenantScoped: true,
  schema: z.object({
    ...caseRef,
    status: caseStatusSchema,
    previousStatus: caseStatusSchema.optional(),
    actor: caseActorSchema,
    note: z.string().max(1000).optional(),
    resolution: caseResolutionSchema.optional(),
    at: z.iso.datetime(),
  }),
  keyOf: (data) => data.caseId,
});
export type CaseStatusChangedData = EventDataOf<typeof CaseStatusChanged>;

export const CaseEscalated = defineEvent({
  type: 'supplyhub.aftersales.case-escalated.v1',
  topic: TOPICS.cases,
  description: 'A case nobody responded to within the first-response window (24 h around the clock) was escalated.',
  tenantScoped: true,
  schema: z.object({ ...caseRef, openedAt: z.iso.datetime(), respondBy: z.iso.datetime(), at: z.iso.datetime() }),
  keyOf: (data) => data.caseId,
});
export type CaseEscalatedData = EventDataOf<typeof CaseEscalated>;

/**
 * aftersales asks order-router to ship a replacement (exchange, damaged, missing, wrong item) for an
 * order line: routed by the same rules as any order, to the original recipient, at most once per case.
 */
export const ReplacementRequested = defineEvent({
  type: 'supplyhub.aftersales.replacement-requested.v1',
  topic: TOPICS.replacements,
  description: 'A replacement parcel for an order line, asked for by an after-sales case; order-router routes it as an order of its own.',
  tenantScoped: true,
  schema: z.object({
    caseId: caseRef.caseId,
    orderId: z.string().min(1),
    lineId: z.string().min(1),
    skuId: z.string().min(1),
    quantity: z.number().int().positive(),
    reason: z.string().min(1).max(500),
    at: z.iso.datetime(),
  }),
  keyOf: (data) => data.orderId,
});
export type ReplacementRequestedData = EventDataOf<typeof ReplacementRequested>;

/**
 * aftersales asks virtual-codes to check a virtual line the member reports invalid or already used and to
 * issue it again: virtual-codes verifies with the provider where it can and answers with an
 * IssuanceStatusChanged that names the case.
 */
export const ReissueRequested = defineEvent({
  type: 'supplyhub.aftersales.reissue-requested.v1',
  topic: TOPICS.reissues,
  description: 'A virtual order line to be verified and issued again for an after-sales case (invalid or already-used code, top-up not credited).',
  tenantScoped: true,
  schema: z.object({
    caseId: caseRef.caseId,
    orderId: z.string().min(1),
    lineId: z.string().min(1),
    skuId: z.string().min(1),
    quantity: z.number().int().positive(),
    reason: z.string().min(1).max(500),
    at: z.iso.datetime(),
  }),
  keyOf: (data) => `${data.orderId}:${data.lineId}`,
});
export type ReissueRequestedData = EventDataOf<typeof ReissueRequested>;

export const QUALITY_SIGNAL_KINDS = ['defect', 'damage', 'wrong-item', 'quality-complaint', 'invalid-code'] as const;

/**
 * A confirmed problem with what was delivered, for catalog curation's quality scores: which SKU, from
 * which supplier or warehouse, what kind, how many units. Once per case.
 */
export const QualitySignalRaised = defineEvent({
  type: 'supplyhub.aftersales.quality-signal-raised.v1',
  topic: TOPICS.qualitySignals,
  description: 'A confirmed defect, damage, wrong item, quality complaint or invalid code on an order line, for quality scores; keyed by SKU.',
  tenantScoped: true,
  schema: z.object({
    signalId: z.string().min(1),
    caseId: caseRef.caseId,
    kind: z.enum(QUALITY_SIGNAL_KINDS),
    skuId: z.string().min(1),
    quantity: z.number().int().positive(),
    /** The warehouse that shipped the line, when it came from one. */
    warehouseId: z.string().min(1).optional(),
    /** The drop-ship supplier (source id) that shipped it, when it was drop-shipped. */
    supplierSourceId: z.string().min(1).optional(),
    orderId: z.string().min(1),
    note: z.string().max(1000).optional(),
    at: z.iso.datetime(),
  }),
  keyOf: (data) => data.skuId,
});
export type QualitySignalRaisedData = EventDataOf<typeof QualitySignalRaised>;
