import { randomUUID } from 'node:crypto';
import type { CodeAllocationStore } from './code-allocation.store';
import { slotOf } from './code-allocation.store';
import { codeIdOf, type CodeLaneDocument, type CodeLaneStore } from './code-lane.store';
import type { CodeDocument, CodeStore } from './code.store';

/** How long a caller waits for another that took the same slot (a redelivery handled twice at once). */
const SLOT_WAIT_MS = 2_000;

export interface PoolLevel {
  /** Unissued codes of unexpired lanes. */
  available: number;
  /** Handed out to issuances (net of codes given back). */
  allocated: number;
  /** Set aside unissued at expiry, plus what is past expiry and not yet set aside. */
  expired: number;
}

/**
 * A product's card-code pool on FerretDB and MongoDB alike, by `_id` only on the hot path: the next
 * number of the earliest-expiring lane (one `$inc`), the slot recorded (unique `_id`), the code claimed
 * (one conditional write). Lanes are cached in-process for `laneCacheMs`: a new import is seen within it.
 */
export class CodePool {
  private readonly cache = new Map<string, { lanes: CodeLaneDocument[]; at: number }>();
  private readonly usedUp = new Set<string>();

  constructor(
    readonly codes: CodeStore,
    readonly lanes: CodeLaneStore,
    readonly allocations: CodeAllocationStore,
    private readonly laneCacheMs = 1_000,
  ) {}

  /**
   * The code in slot `n` of the issuance: the one recorded there (a run that died after recording it),
   * else the next code of the pool, closest to expiry first. Null when the pool has no code left.
   */
  async allocate(skuId: string, issuanceId: string, n: number, now: Date): Promise<CodeDocument | null> {
    const slot = slotOf(issuanceId, n);
    let current = await this.slotCode(slot, now);
    if (current) {
      const mine = await this.claimOrOwn(current, issuanceId, now);
      if (mine) return mine;
    }
    for (let tries = 0; tries < 100; tries += 1) {
      const codeId = await this.nextCodeId(skuId, now);
      if (!codeId) {
        await this.allocations.abandon([slot]);
        return null;
      }
      if (!(await this.allocations.replace(slot, current, codeId, now))) {
        // Another instance filled the slot meanwhile: its code is the slot's, the number drawn goes back.
        await this.giveBack(skuId, [codeId], now);
        const theirs = (await this.allocations.get(slot))?.codeId;
        return theirs ? this.claimOrOwn(theirs, issuanceId, now) : null;
      }
      const claimed = await this.claimOrOwn(codeId, issuanceId, now);
      if (claimed) return claimed;
      // Expired (or claimed through a lane of returns): the next one.
      current = codeId;
    }
    return null;
  }

  /**
   * The codes of many slots of one pool, in order (null where the pool has none left), with one write
   * per step for all of them: the slots taken, the numbers drawn (a range of the earliest lane), the slots
   * filled, the codes claimed. A slot that a step did not settle as expected (taken by an earlier run,
   * filled by another one first, its code expired) goes through `allocate` on its own, which finds what
   * was recorded: the batch is only the fast path of the same steps.
   */
  async allocateMany(skuId: string, slots: readonly { issuanceId: string; n: number }[], now: Date): Promise<(string | null)[]> {
    const ids = slots.map(({ issuanceId, n }) => slotOf(issuanceId, n));
    const existing = new Set(await this.allocations.recordMany(ids, now));
    const fresh = slots.flatMap((_, index) => (existing.has(ids[index]!) ? [] : [index]));
    const drawn = await this.nextCodeIds(skuId, fresh.length, now);
    // The pool had fewer codes than fresh slots: the rest are freed, and stay without a code.
    await this.allocations.abandon(fresh.slice(drawn.length).map((index) => ids[index]!));
    const fills = drawn.map((codeId, k) => ({ index: fresh[k]!, slot: ids[fresh[k]!]!, codeId }));
    const filled = await this.allocations.fillMany(fills, now);
    // Another run filled the slot first: its code is the slot's, the number drawn goes back.
    await this.giveBack(
      skuId,
      fills.filter((fill) => !filled.has(fill.slot)).map((fill) => fill.codeId),
      now,
    );
    const claims = fills.filter((fill) => filled.has(fill.slot));
    const claimed = await this.codes.claimMany(
      claims.map((fill) => ({ codeId: fill.codeId, issuanceId: slots[fill.index]!.issuanceId })),
      now,
    );

    const codes: (string | null)[] = slots.map(() => null);
    const settled = new Set(fresh.slice(drawn.length));
    for (const fill of claims) {
      if (!claimed.has(fill.codeId)) continue;
      codes[fill.index] = fill.codeId;
      settled.add(fill.index);
    }
    for (let index = 0; index < slots.length; index += 1) {
      if (settled.has(index)) continue;
      const { issuanceId, n } = slots[index]!;
      codes[index] = (await this.allocate(skuId, issuanceId, n, now))?._id ?? null;
    }
    return codes;
  }

  /**
   * The code recorded in the slot, or null once the slot is this caller's to fill: taken now, or taken by
   * another caller that drew nothing within SLOT_WAIT_MS (it died, or the pool was empty).
   */
  private async slotCode(slot: string, now: Date): Promise<string | null> {
    if (await this.allocations.record(slot, now)) return null;
    const deadline = Date.now() + SLOT_WAIT_MS;
    for (;;) {
      const allocation = await this.allocations.get(slot);
      if (!allocation) return (await this.allocations.record(slot, now)) ? null : this.slotCode(slot, now);
      if (allocation.codeId || Date.now() >= deadline) return allocation.codeId;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Gives the codes of a failed issuance's slots back to the pool. */
  async release(skuId: string, issuanceId: string, slots: number, now: Date): Promise<number> {
    const slotIds = Array.from({ length: slots }, (_, n) => slotOf(issuanceId, n));
    const returned: string[] = [];
    for (const allocation of await this.allocations.getMany(slotIds)) {
      if (allocation.codeId && (await this.codes.unclaim(allocation.codeId, issuanceId))) returned.push(allocation.codeId);
    }
    await this.giveBack(skuId, returned, now);
    await this.allocations.remove(slotIds);
    return returned.length;
  }

  async level(skuId: string, now: Date): Promise<PoolLevel> {
    let available = 0;
    let handedOut = 0;
    let returned = 0;
    let expired = 0;
    for (const lane of await this.lanes.all(skuId)) {
      const left = lane.count - lane.next;
      if (lane.expiresAt.getTime() > now.getTime()) available += left;
      else expired += left;
      expired += lane.expired ?? 0;
      handedOut += lane.next - (lane.expired ?? 0);
      if (lane.codeIds) returned += lane.count;
    }
    return { available, allocated: Math.max(0, handedOut - returned), expired };
  }

  /** Sets aside the unissued codes of expired lanes (each lane's rest taken atomically first). */
  async setAsideExpired(skuId: string, now: Date): Promise<{ count: number; faceValueFen: number; costFen: number }> {
    const total = { count: 0, faceValueFen: 0, costFen: 0 };
    for (const lane of await this.lanes.open(skuId)) {
      if (lane.expiresAt.getTime() > now.getTime()) continue;
      const rest = await this.lanes.takeRest(lane);
      if (!rest) continue;
      const ids = Array.from({ length: rest.to - rest.from }, (_, index) => codeIdOf(lane, rest.from + index));
      const { expired, unexpired } = await this.splitByExpiry(ids, now);
      const result = await this.codes.expire(expired);
      total.count += result.count;
      total.faceValueFen += result.faceValueFen;
      total.costFen += result.costFen;
      // A lane of returns expires at its earliest code; the others go back in a lane of their own.
      await this.giveBack(skuId, unexpired, now);
    }
    return total;
  }

  /**
   * Codes whose number was taken but that nobody claimed within a check interval (an allocator died
   * between the two, or the code had expired): given back, or set aside when expired. Run on a timer;
   * each lane is checked up to where its cursor stood at the previous check.
   */
  async recoverOrphans(skuId: string, now: Date): Promise<{ returned: number; expired: number }> {
    let returned = 0;
    let expiredCount = 0;
    for (const lane of await this.lanes.all(skuId)) {
      if (lane.nextAtLastCheck > lane.checkedUpTo) {
        const ids = Array.from({ length: lane.nextAtLastCheck - lane.checkedUpTo }, (_, index) => codeIdOf(lane, lane.checkedUpTo + index));
        const orphans = await this.codes.stillAvailable(ids);
        const { expired, unexpired } = await this.splitByExpiry(orphans, now);
        expiredCount += (await this.codes.expire(expired)).count;
        await this.giveBack(skuId, unexpired, now);
        returned += unexpired.length;
      }
      if (lane.checkedUpTo !== lane.nextAtLastCheck || lane.nextAtLastCheck !== lane.next) await this.lanes.checked(lane, lane.nextAtLastCheck, lane.next);
    }
    return { returned, expired: expiredCount };
  }

  /**
   * The code, claimed now or already this issuance's; null only when it is definitely not to be had
   * (another issuance's, expired, gone). A claim that lost to a write in flight is tried again: a slot's
   * code is never replaced while this issuance may still hold it.
   */
  private async claimOrOwn(codeId: string, issuanceId: string, now: Date): Promise<CodeDocument | null> {
    for (let tries = 0; tries < 20; tries += 1) {
      const claimed = await this.codes.claim(codeId, issuanceId, now);
      if (claimed) return claimed;
      const [code] = await this.codes.byIds([codeId]);
      if (!code || code.status === 'expired' || code.expiresAt.getTime() <= now.getTime()) return null;
      // A code reported invalid is still its issuance's (a redelivered line finds its codes again).
      if (code.status === 'allocated' || code.status === 'reported-invalid') return code.issuanceId === issuanceId ? code : null;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`code ${codeId} stays available but cannot be claimed`);
  }

  /** The next number of the earliest unexpired lane that has one, as a code id. */
  private async nextCodeId(skuId: string, now: Date): Promise<string | undefined> {
    return (await this.nextCodeIds(skuId, 1, now))[0];
  }

  /**
   * The next `wanted` numbers of the pool, earliest unexpired lane first, as code ids (fewer when the pool
   * has fewer): a lane with enough left gives them all in one `$inc`; near its end, one at a time.
   */
  private async nextCodeIds(skuId: string, wanted: number, now: Date): Promise<string[]> {
    const ids: string[] = [];
    for (let pass = 0; pass < 2 && ids.length < wanted; pass += 1) {
      for (const lane of await this.openLanes(skuId, pass > 0)) {
        if (ids.length >= wanted) break;
        if (this.usedUp.has(lane._id) || lane.expiresAt.getTime() <= now.getTime()) continue;
        while (ids.length < wanted) {
          const count = wanted - ids.length;
          const first = await this.lanes.take(lane, count);
          if (first !== undefined) {
            for (let k = 0; k < count; k += 1) ids.push(codeIdOf(lane, first + k));
            break;
          }
          const n = count > 1 ? await this.lanes.take(lane) : undefined;
          if (n === undefined) {
            this.usedUp.add(lane._id);
            break;
          }
          ids.push(codeIdOf(lane, n));
        }
      }
    }
    return ids;
  }

  private async openLanes(skuId: string, fresh: boolean): Promise<CodeLaneDocument[]> {
    const cached = this.cache.get(skuId);
    if (!fresh && cached && Date.now() - cached.at < this.laneCacheMs) return cached.lanes;
    const lanes = await this.lanes.open(skuId);
    this.cache.set(skuId, { lanes, at: Date.now() });
    return lanes;
  }

  /** Puts codes back into the pool as a lane of their own (expiring with the earliest of them). */
  private async giveBack(skuId: string, codeIds: readonly string[], now: Date): Promise<void> {
    if (codeIds.length === 0) return;
    const codes = await this.codes.byIds(codeIds);
    const expiresAt = new Date(Math.min(...codes.map((code) => code.expiresAt.getTime())));
    await this.lanes.insert([
      { _id: `ret-${randomUUID()}`, skuId, expiresAt, count: codes.length, next: 0, codeIds: codes.map((code) => code._id), checkedUpTo: 0, nextAtLastCheck: 0, createdAt: now },
    ]);
    this.cache.delete(skuId);
  }

  private async splitByExpiry(ids: readonly string[], now: Date): Promise<{ expired: string[]; unexpired: string[] }> {
    const codes = await this.codes.byIds(ids);
    const expired = codes.filter((code) => code.status === 'available' && code.expiresAt.getTime() <= now.getTime()).map((code) => code._id);
    const unexpired = codes.filter((code) => code.status === 'available' && code.expiresAt.getTime() > now.getTime()).map((code) => code._id);
    return { expired, unexpired };
  }
}
