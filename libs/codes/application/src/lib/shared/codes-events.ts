import { canMoveIssuance, type Issuance, type IssuanceStatus } from '@supply-hub/codes-domain';
import { createEvent, type EventDefinition, IssuanceStatusChanged, RefundIssued, type SerializedEvent, serializeEvent } from '@supply-hub/contracts';

export const VIRTUAL_CODES_SOURCE = '/virtual-codes';

/** An event for the outbox; tenant-scoped when `tenantId` is given. */
export function codesEvent<T>(definition: EventDefinition<T>, data: T, at: Date, tenantId?: string): SerializedEvent {
  return serializeEvent(definition, createEvent(definition, data, { source: VIRTUAL_CODES_SOURCE, time: at, ...(tenantId ? { tenantId } : {}) }));
}

/**
 * The issuance moved to `status` (with a timeline entry) and the events that announce it: the status
 * change when it is one malls see (pending is not), and for a failure the refund owed for the line,
 * whose id is derived from the issuance so a retried write cannot owe it twice. A reissue's failure owes
 * none: the after-sales case that asked for it refunds the member itself, and a refund from here as well
 * would pay the line back twice.
 */
export function moveIssuance(
  issuance: Issuance,
  status: IssuanceStatus,
  note: string,
  now: Date,
): { issuance: Issuance; events: SerializedEvent[] } {
  if (!canMoveIssuance(issuance.status, status)) throw new Error(`issuance ${issuance.issuanceId} cannot move from ${issuance.status} to ${status}`);
  const moved: Issuance = {
    ...issuance,
    status,
    updatedAt: now,
    timeline: [...issuance.timeline, { at: now, status, note }],
    ...(status === 'failed' ? { reason: note } : {}),
    ...(status === 'issued' ? { issuedAt: now } : {}),
  };
  if (status === 'issued' || status === 'failed') delete moved.nextCheckAt;
  const events: SerializedEvent[] = [];
  const announce = status !== 'pending' && (status !== issuance.status || issuance.timeline.length === 0);
  if (announce) events.push(issuanceStatusEvent(issuance, status, status === 'failed' ? note : undefined, now));
  if (status === 'failed' && issuance.status !== 'failed' && !issuance.reissue) {
    events.push(
      codesEvent(
        RefundIssued,
        {
          refundId: `rf-${issuance.issuanceId}`,
          orderId: issuance.orderId,
          lineId: issuance.lineId,
          quantity: issuance.quantity,
          ...(issuance.unitPriceFen !== undefined ? { amountFen: issuance.unitPriceFen * issuance.quantity } : {}),
          origin: { kind: 'issuance-failed', issuanceId: issuance.issuanceId },
          reason: note.slice(0, 500),
          at: now.toISOString(),
        },
        now,
        issuance.tenantId,
      ),
    );
  }
  return { issuance: moved, events };
}

/**
 * The IssuanceStatusChanged of an issuance (the only way one is built): a reissue's names its case and
 * verdict, with the original line's order and line ids so the line's consumers find it.
 */
export function issuanceStatusEvent(
  issuance: Pick<Issuance, 'issuanceId' | 'tenantId' | 'orderId' | 'lineId' | 'reissue'>,
  status: Exclude<IssuanceStatus, 'pending'>,
  reason: string | undefined,
  now: Date,
): SerializedEvent {
  return codesEvent(
    IssuanceStatusChanged,
    {
      issuanceId: issuance.issuanceId,
      orderId: issuance.orderId,
      lineId: issuance.lineId,
      status,
      ...(reason !== undefined ? { reason: reason.slice(0, 500) } : {}),
      ...(issuance.reissue ? { reissue: { caseId: issuance.reissue.caseId, verdict: issuance.reissue.verdict } } : {}),
      at: now.toISOString(),
    },
    now,
    issuance.tenantId,
  );
}
