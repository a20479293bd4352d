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
  return (await allocateFromPoolMany(deps, [issuance]))[0]!;
}

/** allocateFromPool for many issuances (one per line; no line twice), each pool's slots allocated together. */
export async function allocateFromPoolMany(deps: CodesDependencies, issuances: readonly Issuance[]): Promise<{ issuance: Issuance; events: SerializedEvent[] }[]> {
  const now = deps.clock.now();
  const codesOf: (string | null)[][] = issuances.map(() => []);
  const bySku = new Map<string, number[]>();
  issuances.forEach((issuance, index) => {
    const indexes = bySku.get(issuance.skuId) ?? [];
    indexes.push(index);
    bySku.set(issuance.skuId, indexes);
  });
  for (const [skuId, indexes] of bySku) {
    const slots = indexes.flatMap((index) => Array.from({ length: issuances[index]!.quantity }, (_, n) => ({ issuanceId: issuances[index]!.issuanceId, n })));
    const codes = await deps.pool.allocateMany(skuId, slots, now);
    let at = 0;
    for (const index of indexes) {
      codesOf[index] = codes.slice(at, at + issuances[index]!.quantity);
      at += issuances[index]!.quantity;
    }
  }
  const outcomes: { issuance: Issuance; events: SerializedEvent[] }[] = [];
  for (const [index, issuance] of issuances.entries()) outcomes.push(await settleAllocation(deps, issuance, codesOf[index]!, now));
  return outcomes;
}

async function settleAllocation(deps: CodesDependencies, issuance: Issuance, codes: readonly (string | null)[], now: Date): Promise<{ issuance: Issuance; events: SerializedEvent[] }> {
  const codeIds = codes.filter((codeId): codeId is string => codeId !== null);
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
