import type { Issuance } from '@supply-hub/codes-domain';
import type { SerializedEvent } from '@supply-hub/contracts';
import type { CodesDependencies } from '../shared/codes-dependencies';
import { moveIssuance } from '../shared/codes-events';

/** How often an issuance waiting on an empty pool looks again. */
export const POOL_RECHECK_MS = 60_000;

/**
 * Allocates the issuance's codes, one slot per unit (slots an earlier run filled are found again, so a
 * crash between allocation and recording burns nothing; see CodePool). All there: issued. Pool short: the issuance
 * waits, visibly processing, for a refill, and fails (codes given back, refund owed) once it has waited
 * `poolWaitMs`.
 */
export async function allocateFromPool(deps: CodesDependencies, issuance: Issuance): Promise<{ issuance: Issuance; events: SerializedEvent[] }> {
  const now = deps.clock.now();
  const codeIds: string[] = [];
  for (let n = 0; n < issuance.quantity; n += 1) {
    const code = await deps.pool.allocate(issuance.skuId, issuance.issuanceId, n, now);
    if (!code) break;
    codeIds.push(code._id);
  }
  if (codeIds.length === issuance.quantity) {
    return moveIssuance({ ...issuance, codeIds }, 'issued', `${codeIds.length} code(s) from the pool`, now);
  }
  const waited = now.getTime() - issuance.createdAt.getTime();
  if (waited >= deps.poolWaitMs) {
    await deps.pool.release(issuance.skuId, issuance.issuanceId, issuance.quantity, now);
    return moveIssuance({ ...issuance, codeIds: [] }, 'failed', `the code pool had ${codeIds.length} of ${issuance.quantity} code(s) after waiting ${Math.round(waited / 60_000)} min`, now);
  }
  const note = `waiting for codes: the pool has ${codeIds.length} of ${issuance.quantity}`;
  const moved = issuance.status === 'processing' && issuance.reason === note ? { issuance: { ...issuance }, events: [] } : moveIssuance(issuance, 'processing', note, now);
  return { issuance: { ...moved.issuance, reason: note, nextCheckAt: new Date(now.getTime() + POOL_RECHECK_MS) }, events: moved.events };
}
