import { createHash } from 'node:crypto';

/**
 * The supply-hub case id of a mall's case: derived from the mall and its own case id, so the same case
 * opened twice (a retry, two instances) lands on the same document and the unique `_id` makes opening
 * idempotent.
 */
export function caseIdFor(tenantId: string, mallCaseId: string): string {
  return `cas_${createHash('sha256').update(`${tenantId}\u0000${mallCaseId}`, 'utf8').digest('hex').slice(0, 20)}`;
}

/** A case refunds at most once: its refund id is its own id's twin, so a second refund is the same refund. */
export function refundIdFor(caseId: string): string {
  return caseId.replace(/^cas_/, 'rfd_');
}

export function qualitySignalIdFor(caseId: string): string {
  return caseId.replace(/^cas_/, 'qs_');
}

/** The return merchandise authorisation number printed on a return label: short, readable, per case. */
export function rmaNumberFor(caseId: string): string {
  return `RMA-${caseId.slice(4, 14).toUpperCase()}`;
}
