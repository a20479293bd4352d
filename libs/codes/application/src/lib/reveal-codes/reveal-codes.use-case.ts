import { randomUUID } from 'node:crypto';
import { lineIssuanceIdFor, openSecret } from '@supply-hub/codes-domain';
import { ConflictError, NotFoundError } from '@supply-hub/errors';
import type { CodesDependencies } from '../shared/codes-dependencies';

export interface RevealedCode {
  code: string;
  password?: string;
  expiresAt: string;
}

/**
 * The codes of a mall's own order line (or, with a case id, of that case's reissue of the line), opened
 * for the mall and audited (who, when, which codes) before they are handed over. Another tenant's line is
 * not found, exactly like a line that does not exist.
 */
export class RevealCodes {
  constructor(private readonly deps: CodesDependencies) {}

  async execute(tenantId: string, orderId: string, lineId: string, actor: string, caseId?: string): Promise<{ issuanceId: string; codes: RevealedCode[] }> {
    const issuanceId = lineIssuanceIdFor(tenantId, orderId, lineId, caseId);
    const issuance = await this.deps.issuances.get(tenantId, issuanceId);
    if (!issuance) throw caseId === undefined ? new NotFoundError('order line', `${orderId}/${lineId}`) : new NotFoundError('reissue', `${orderId}/${lineId} for case ${caseId}`);
    if (issuance.status !== 'issued') throw new ConflictError(`the line's codes are not issued (${issuance.status}${issuance.reason ? `: ${issuance.reason}` : ''})`);
    if (issuance.codeIds.length === 0) throw new ConflictError('the line was a direct top-up: there is no code to reveal');
    const codes = await this.deps.codes.byIds(issuance.codeIds);
    await this.deps.reveals.record({ _id: randomUUID(), tenantId, issuanceId, orderId, lineId, codeIds: issuance.codeIds, actor, at: this.deps.clock.now() });
    return {
      issuanceId,
      codes: codes.map((code) => ({
        code: openSecret(this.deps.keys, code.code, code._id),
        ...(code.password ? { password: openSecret(this.deps.keys, code.password, code._id) } : {}),
        expiresAt: code.expiresAt.toISOString(),
      })),
    };
  }
}
