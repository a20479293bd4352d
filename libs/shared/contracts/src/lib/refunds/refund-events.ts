import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../events/event-definition';
import { TOPICS } from '../topics/topic-names';

/**
 * What a mall is owed back for an order line: a virtual line that could not be issued, or an
 * after-sales case. At most once per `refundId`, however often anything is retried. The amount is the
 * contract price; the mall credits its member the points (and any cash part) it charged for the line.
 */
export const RefundIssued = defineEvent({
  type: 'supplyhub.refunds.refund-issued.v1',
  topic: TOPICS.refunds,
  description: 'A refund owed to the mall for an order line (failed issuance or after-sales case), at most once per refund id.',
  tenantScoped: true,
  schema: z.object({
    refundId: z.string().min(1),
    orderId: z.string().min(1),
    lineId: z.string().min(1),
    quantity: z.number().int().positive(),
    /** Contract price × quantity, when known. */
    amountFen: z.number().int().nonnegative().optional(),
    /**
     * What the mall told us its member paid for these units (points and any cash part), echoed so the mall
     * can credit its member back without looking it up; absent when the mall did not say.
     */
    memberRefund: z.object({ points: z.number().int().nonnegative(), cashFen: z.number().int().nonnegative() }).optional(),
    origin: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('issuance-failed'), issuanceId: z.string().min(1) }),
      z.object({ kind: z.literal('case'), caseId: z.string().min(1) }),
    ]),
    reason: z.string().min(1).max(500),
    at: z.iso.datetime(),
  }),
  keyOf: (data) => `${data.orderId}:${data.lineId}`,
});
export type RefundIssuedData = EventDataOf<typeof RefundIssued>;
