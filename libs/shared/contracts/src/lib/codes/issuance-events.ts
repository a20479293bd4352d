import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../events/event-definition';
import { TOPICS } from '../topics/topic-names';

/**
 * Where the issuance of one virtual order line stands, as virtual-codes reports it: processing (a
 * provider is working on a top-up), issued, or failed (with the reason; the mall is refunded). Carries
 * an issuance reference, never a code or a full account number.
 */
export const IssuanceStatusChanged = defineEvent({
  type: 'supplyhub.codes.issuance-status-changed.v1',
  topic: TOPICS.issuances,
  description: 'A virtual order line’s issuance moved: processing, issued, or failed with its reason. Never carries the code.',
  tenantScoped: true,
  schema: z.object({
    issuanceId: z.string().min(1),
    orderId: z.string().min(1),
    lineId: z.string().min(1),
    status: z.enum(['processing', 'issued', 'failed']),
    reason: z.string().max(500).optional(),
    /**
     * Set when this issuance is a reissue an after-sales case asked for: the case, and what the provider
     * said of the original (confirmed not delivered, confirmed delivered, or nothing to ask).
     */
    reissue: z
      .object({ caseId: z.string().min(1), verdict: z.enum(['confirmed-not-delivered', 'confirmed-delivered', 'not-verifiable']) })
      .optional(),
    at: z.iso.datetime(),
  }),
  keyOf: (data) => `${data.orderId}:${data.lineId}`,
});
export type IssuanceStatusChangedData = EventDataOf<typeof IssuanceStatusChanged>;
