import { attemptOrderNo, issuanceIdFor } from '@supply-hub/codes-domain';
import type { SerializedEvent } from '@supply-hub/contracts';
import { createTestDatabase, type TestDatabase } from '@supply-hub/testing';
import { CodeBatchRefusedError, ImportCodeBatch } from './import-code-batch/import-code-batch.use-case';
import { IssueVirtualLine } from './issue-virtual-line/issue-virtual-line.use-case';
import { CheckPoolLevel, PoolUpkeep } from './pool-levels/pool-levels.use-case';
import { RevealCodes } from './reveal-codes/reveal-codes.use-case';
import { RotateCodeKeys } from './rotate-keys/rotate-code-keys.use-case';
import { SettleProviderNotify } from './settle-notify/settle-provider-notify.use-case';
import { SweepIssuances } from './advance-issuance/sweep-issuances.use-case';
import type { CodesDependencies } from './shared/codes-dependencies';
import { codesCsv, codesDependencies, ManualClock, POOL_PRODUCT, TOP_UP_PRODUCT } from './testing/codes-test-kit';
import { ScriptedRechargeProvider } from './testing/scripted-recharge-provider';
import { openSecret, parseCodeKeyRing, sealSecret } from '@supply-hub/codes-domain';
import { CouponSystemStore } from '@supply-hub/codes-data-access';
import { randomBytes } from 'node:crypto';

const START = new Date('2026-11-23T08:00:00Z');
const YEAR_AHEAD = new Date('2027-11-23T00:00:00Z');

describe('virtual-codes use cases on FerretDB', () => {
  let database: TestDatabase;
  let deps: CodesDependencies;
  let clock: ManualClock;
  let fulu: ScriptedRechargeProvider;
  let juhe: ScriptedRechargeProvider;
  let issue: IssueVirtualLine;

  beforeAll(async () => {
    database = await createTestDatabase('codes-use-cases');
  });
  afterAll(async () => database?.drop());

  beforeEach(async () => {
    await database.db.dropDatabase();
    clock = new ManualClock(START);
    fulu = new ScriptedRechargeProvider('fulu');
    juhe = new ScriptedRechargeProvider('juhe');
    deps = await codesDependencies(database.db, [fulu, juhe], clock);
    await deps.products.put(POOL_PRODUCT, 'staff-1', START);
    await deps.products.put(TOP_UP_PRODUCT, 'staff-1', START);
    issue = new IssueVirtualLine(deps);
  });

  const importCodes = (csv: string) => new ImportCodeBatch(deps).execute({ skuId: POOL_PRODUCT.skuId, faceValueFen: 2500, costFen: 2300, expiresAt: YEAR_AHEAD, csv, by: 'staff-1' });
  const line = (orderId: string, extra: Record<string, unknown> = {}) => ({ orderId, lineId: '1', skuId: POOL_PRODUCT.skuId, quantity: 1, unitPriceFen: 2400, ...extra });
  const outboxTypes = async (issuanceId: string) => {
    const stored = (await deps.issuances.issuances.findOne({ _id: issuanceId })) as unknown as { outbox: SerializedEvent[] };
    return stored.outbox.map((event) => event.type);
  };

  describe('pools', () => {
    it('issues a pool code in one write, reveals it to its own mall only, and audits the reveal', async () => {
      await importCodes(codesCsv('IQY', 5));
      const issued = await issue.execute('mall-a', line('ord-1'));
      expect(issued).toMatchObject({ status: 'issued', codeIds: [expect.any(String)] });
      expect(await outboxTypes(issued._id)).toEqual(['supplyhub.codes.issuance-status-changed.v1']);
      const stored = await deps.codes.codes.findOne({ _id: issued.codeIds[0]! });
      expect(JSON.stringify(stored)).not.toMatch(/IQY-000/);

      const reveal = new RevealCodes(deps);
      const revealed = await reveal.execute('mall-a', 'ord-1', '1', 'key-a');
      expect(revealed.codes).toEqual([{ code: 'IQY-0001', password: 'pw1', expiresAt: YEAR_AHEAD.toISOString() }]);
      await expect(reveal.execute('mall-b', 'ord-1', '1', 'key-b')).rejects.toMatchObject({ code: 'not-found' });
      expect(await deps.reveals.ofIssuance('mall-a', issued._id)).toEqual([expect.objectContaining({ actor: 'key-a', codeIds: issued.codeIds })]);
    });

    it('issues the code closest to expiry first', async () => {
      await importCodes('code,expires_at\nLATE-0001,2027-09-01\nSOON-0001,2027-01-15\nMID-0001,2027-05-01');
      const issued = await issue.execute('mall-a', line('ord-1'));
      const [code] = await deps.codes.byIds(issued.codeIds);
      expect(code!.expiresAt).toEqual(new Date('2027-01-15T23:59:59+08:00'));
    });

    it('a redelivered line gets the same issuance and no second code', async () => {
      await importCodes(codesCsv('IQY', 5));
      const first = await issue.execute('mall-a', line('ord-1', { quantity: 2 }));
      const again = await issue.execute('mall-a', line('ord-1', { quantity: 2 }));
      expect(again.codeIds).toEqual(first.codeIds);
      expect(await deps.pool.level(POOL_PRODUCT.skuId, clock.now())).toMatchObject({ available: 3, allocated: 2 });
    });

    it('a code allocated by a run that died before recording it is found again, not burned', async () => {
      await importCodes(codesCsv('IQY', 3));
      const issuanceId = issuanceIdFor('mall-a', 'ord-1', '1');
      const orphan = await deps.pool.allocate(POOL_PRODUCT.skuId, issuanceId, 0, clock.now());
      const issued = await issue.execute('mall-a', line('ord-1'));
      expect(issued.codeIds).toEqual([orphan!._id]);
      expect(await deps.pool.level(POOL_PRODUCT.skuId, clock.now())).toMatchObject({ available: 2, allocated: 1 });
    });

    it('a code whose number was taken by an allocator that died before claiming it goes back to the pool', async () => {
      await importCodes(codesCsv('IQY', 2));
      const [lane] = await deps.pool.lanes.open(POOL_PRODUCT.skuId);
      expect(await deps.pool.lanes.take(lane!)).toBe(0);
      const upkeep = new PoolUpkeep(deps);
      // The first pass notes how far the cursor is; the next gives back what is still unclaimed behind it.
      expect((await upkeep.execute()).orphansReturned).toBe(0);
      expect((await upkeep.execute()).orphansReturned).toBe(1);
      const issued = await Promise.all([issue.execute('mall-a', line('ord-1')), issue.execute('mall-a', line('ord-2'))]);
      expect(issued.map((issuance) => issuance.status)).toEqual(['issued', 'issued']);
      expect(new Set(issued.flatMap((issuance) => issuance.codeIds)).size).toBe(2);
    });

    it('concurrent lines never share a code and lose none', async () => {
      await importCodes(codesCsv('IQY', 60));
      const lines = Array.from({ length: 50 }, (_, index) => line(`ord-${index}`));
      // Every line twice at once, as two instances given the same redelivered batch would.
      const results = await Promise.all([...lines, ...lines].map((request) => issue.execute('mall-a', request)));
      const codeIds = new Set(results.flatMap((result) => result.codeIds));
      expect(codeIds.size).toBe(50);
      expect(results.every((result) => result.status === 'issued')).toBe(true);
      expect(await deps.pool.level(POOL_PRODUCT.skuId, clock.now())).toMatchObject({ available: 10, allocated: 50 });
    });

    it('a run of lines takes its codes together: each line its own, closest to expiry first across lanes, a line given twice one issuance', async () => {
      await importCodes('code,expires_at\nSOON-0001,2027-01-15\nSOON-0002,2027-01-15\nLATE-0001,2027-09-01\nLATE-0002,2027-09-01\nLATE-0003,2027-09-01\nLATE-0004,2027-09-01');
      const run = [line('ord-1'), line('ord-2', { quantity: 2 }), line('ord-3'), line('ord-1')].map((request) => ({ tenantId: 'mall-a', line: request }));
      const issued = await issue.executeMany(run);

      expect(issued.map((issuance) => issuance.status)).toEqual(['issued', 'issued', 'issued', 'issued']);
      expect(issued[3]).toEqual(issued[0]);
      expect(issued.map((issuance) => issuance.codeIds.length)).toEqual([1, 2, 1, 1]);
      const codes = await deps.codes.byIds(issued.slice(0, 3).flatMap((issuance) => issuance.codeIds));
      expect(new Set(codes.map((code) => code._id)).size).toBe(4);
      // The soonest lane has two codes: the run's first two units take them, the rest come from the next lane.
      expect(codes.map((code) => code.expiresAt.toISOString().slice(0, 10))).toEqual(['2027-01-15', '2027-01-15', '2027-09-01', '2027-09-01']);
      expect(codes.every((code) => code.status === 'allocated' && issued.some((issuance) => issuance._id === code.issuanceId && issuance.codeIds.includes(code._id)))).toBe(true);
      expect(await deps.pool.level(POOL_PRODUCT.skuId, clock.now())).toMatchObject({ available: 2, allocated: 4 });
      expect(await outboxTypes(issued[1]!._id)).toEqual(['supplyhub.codes.issuance-status-changed.v1']);

      // The run delivered again: the same issuances, no code drawn.
      const again = await issue.executeMany(run);
      expect(again.map((issuance) => issuance.codeIds)).toEqual(issued.map((issuance) => issuance.codeIds));
      expect(await deps.pool.level(POOL_PRODUCT.skuId, clock.now())).toMatchObject({ available: 2, allocated: 4 });
    });

    it('a run larger than the pool issues the first lines and keeps the rest waiting, losing no code', async () => {
      await importCodes(codesCsv('IQY', 3));
      const run = Array.from({ length: 5 }, (_, index) => ({ tenantId: 'mall-a', line: line(`ord-${index}`) }));
      const results = await issue.executeMany(run);
      expect(results.map((issuance) => issuance.status)).toEqual(['issued', 'issued', 'issued', 'processing', 'processing']);
      expect(results[4]).toMatchObject({ reason: 'waiting for codes: the pool has 0 of 1', codeIds: [] });
      expect(await deps.pool.level(POOL_PRODUCT.skuId, clock.now())).toMatchObject({ available: 0, allocated: 3 });
      // The waiting lines hold no slot: a refill issues them.
      await importCodes(codesCsv('NEW', 2));
      clock.advance(61_000);
      await new SweepIssuances(deps).execute();
      expect((await Promise.all(results.slice(3).map((issuance) => deps.issuances.getAny(issuance._id)))).map((issuance) => issuance!.status)).toEqual(['issued', 'issued']);
    });

    it('two instances given overlapping runs at once never share a code and lose none', async () => {
      await importCodes(codesCsv('IQY', 60));
      const lines = Array.from({ length: 40 }, (_, index) => ({ tenantId: 'mall-a', line: line(`ord-${index}`) }));
      const other = new IssueVirtualLine(deps);
      // Each instance gets a run that overlaps the other's by half, in another order.
      const [left, right] = await Promise.all([issue.executeMany(lines.slice(0, 30)), other.executeMany([...lines.slice(10)].reverse())]);
      const byLine = new Map<string, string[]>();
      for (const issuance of [...left, ...right]) {
        expect(issuance.status).toBe('issued');
        const seen = byLine.get(issuance._id);
        if (seen) expect(issuance.codeIds).toEqual(seen);
        byLine.set(issuance._id, issuance.codeIds);
      }
      expect(byLine.size).toBe(40);
      expect(new Set([...byLine.values()].flat()).size).toBe(40);
      expect(await deps.pool.level(POOL_PRODUCT.skuId, clock.now())).toMatchObject({ available: 20, allocated: 40 });
    });

    it('an empty pool keeps the line visibly waiting, issues it after a refill, and fails it with a refund after the wait', async () => {
      const waiting = await issue.execute('mall-a', line('ord-1'));
      expect(waiting).toMatchObject({ status: 'processing', reason: 'waiting for codes: the pool has 0 of 1', nextCheckAt: expect.any(Date) });
      await importCodes(codesCsv('IQY', 1));
      clock.advance(61_000);
      await new SweepIssuances(deps).execute();
      expect(await deps.issuances.getAny(waiting._id)).toMatchObject({ status: 'issued' });

      const starved = await issue.execute('mall-a', line('ord-2', { quantity: 2 }));
      await importCodes(codesCsv('NEW', 1));
      clock.advance(600_000);
      await new SweepIssuances(deps).execute();
      expect(await deps.issuances.getAny(starved._id)).toMatchObject({ status: 'failed', codeIds: [] });
      expect(await outboxTypes(starved._id)).toEqual([
        'supplyhub.codes.issuance-status-changed.v1',
        'supplyhub.codes.issuance-status-changed.v1',
        'supplyhub.refunds.refund-issued.v1',
      ]);
      // The code it held while waiting went back to the pool.
      expect(await deps.pool.level(POOL_PRODUCT.skuId, clock.now())).toMatchObject({ available: 1, allocated: 1 });
    });

    it('refuses duplicates within the file and against the store, naming lines, importing nothing', async () => {
      await importCodes(codesCsv('IQY', 3));
      const error = await importCodes('code\nNEW-0001\nIQY-0002\nNEW-0001').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CodeBatchRefusedError);
      expect((error as CodeBatchRefusedError).lines).toEqual([{ line: 4, message: 'code repeats line 2' }]);
      const stored = await importCodes('code\nNEW-0001\nIQY-0002').catch((caught: unknown) => caught as CodeBatchRefusedError);
      expect((stored as CodeBatchRefusedError).lines).toEqual([{ line: 3, message: 'code is already stored' }]);
      expect(await deps.pool.level(POOL_PRODUCT.skuId, clock.now())).toMatchObject({ available: 3 });
    });

    it('alerts once when the pool runs low, re-arms after a refill, and sets expired codes aside', async () => {
      await importCodes(codesCsv('IQY', 3));
      const level = new CheckPoolLevel(deps);
      expect(await level.execute(POOL_PRODUCT.skuId)).toMatchObject({ available: 3, low: false });
      await issue.execute('mall-a', line('ord-1'));
      await issue.execute('mall-a', line('ord-2'));
      expect(await level.execute(POOL_PRODUCT.skuId)).toMatchObject({ available: 1, low: true });
      await level.execute(POOL_PRODUCT.skuId);
      const product = await deps.products.products.findOne({ _id: POOL_PRODUCT.skuId });
      expect((product as unknown as { outbox: SerializedEvent[] }).outbox.map((event) => event.type)).toEqual(['supplyhub.codes.pool-low.v1']);

      await importCodes('code,expires_at\nOLD-0001,2026-12-01');
      clock.advance(10 * 86_400_000);
      expect((await new PoolUpkeep(deps).execute()).expired).toEqual([{ skuId: POOL_PRODUCT.skuId, count: 1 }]);
      expect(await deps.pool.level(POOL_PRODUCT.skuId, clock.now())).toMatchObject({ available: 1, expired: 1 });
      await importCodes(codesCsv('MORE', 5));
      expect(await level.execute(POOL_PRODUCT.skuId)).toMatchObject({ available: 6, low: false });
      expect(await deps.products.get(POOL_PRODUCT.skuId)).toMatchObject({ lowStockAlerted: false });
    });

    it('rotation re-encrypts every code and coupon-system credential under the new key; the old key can then go', async () => {
      await importCodes(codesCsv('IQY', 4));
      const issued = await issue.execute('mall-a', line('ord-1'));
      const couponSystemStore = new CouponSystemStore(database.db);
      await couponSystemStore.put({ _id: 'mall-a', url: 'https://coupons.mall-a.example/issue', credential: sealSecret(deps.keys, 'mall-a-credential', 'coupon-system:mall-a'), updatedAt: START });
      const oldKey = Buffer.from(deps.keys.keys.get('k1')!).toString('base64');
      const newKey = randomBytes(32).toString('base64');
      const during = { ...deps, keys: parseCodeKeyRing(`k2:${newKey},k1:${oldKey}`), couponSystemStore };
      expect(await new RotateCodeKeys(during).execute()).toEqual({ resealed: 5, currentKeyId: 'k2' });
      expect(await new RotateCodeKeys(during).execute()).toEqual({ resealed: 0, currentKeyId: 'k2' });
      deps = { ...deps, keys: parseCodeKeyRing(`k2:${newKey}`) };
      expect((await new RevealCodes(deps).execute('mall-a', 'ord-1', '1', 'key-a')).codes[0]!.code).toBe('IQY-0001');
      expect(openSecret(deps.keys, (await couponSystemStore.get('mall-a'))!.credential, 'coupon-system:mall-a')).toBe('mall-a-credential');
      expect(issued.codeIds).toHaveLength(1);
    });
  });

  describe('coupons', () => {
    const COUPON_PRODUCT = { skuId: 'sku-luckin', name: '瑞幸咖啡大杯券', fulfilment: 'coupon' as const, faceValueFen: 2000, providers: [] };

    it("issues from the mall's coupon system, and fails (refunded) a mall that registered none", async () => {
      await deps.products.put(COUPON_PRODUCT, 'staff-1', START);
      const mallA = new ScriptedRechargeProvider('coupons:mall-a');
      deps = await codesDependencies(database.db, [fulu, juhe, mallA], clock);
      issue = new IssueVirtualLine(deps);
      mallA.submitAnswers = [{ state: 'success', cards: [{ code: 'LK-001' }, { code: 'LK-002', password: '1234' }] }];
      const issued = await issue.execute('mall-a', { orderId: 'ord-c1', lineId: '1', skuId: COUPON_PRODUCT.skuId, quantity: 2 });
      expect(issued).toMatchObject({ status: 'issued', codeIds: [expect.any(String), expect.any(String)] });
      expect(mallA.submitted).toEqual([expect.objectContaining({ providerProductId: COUPON_PRODUCT.skuId, quantity: 2 })]);
      expect((await new RevealCodes(deps).execute('mall-a', 'ord-c1', '1', 'key-a')).codes.map((coupon) => coupon.code)).toEqual(['LK-001', 'LK-002']);

      const none = await issue.execute('mall-b', { orderId: 'ord-c2', lineId: '1', skuId: COUPON_PRODUCT.skuId, quantity: 1 });
      expect(none).toMatchObject({ status: 'failed', reason: 'the mall has no coupon system registered (PUT /coupon-system)' });
      expect(await outboxTypes(none._id)).toEqual(['supplyhub.codes.issuance-status-changed.v1', 'supplyhub.refunds.refund-issued.v1']);
    });
  });

  describe('top-ups', () => {
    const topUp = (orderId: string, account = '13812345678') => ({ orderId, lineId: '1', skuId: TOP_UP_PRODUCT.skuId, quantity: 1, account });

    it('refuses an invalid account at once, with a refund', async () => {
      const failed = await issue.execute('mall-a', topUp('ord-1', '12345'));
      expect(failed).toMatchObject({ status: 'failed', reason: expect.stringMatching(/invalid account: not a mainland China mobile number/) });
      expect(fulu.submitted).toHaveLength(0);
      expect(await outboxTypes(failed._id)).toEqual(['supplyhub.codes.issuance-status-changed.v1', 'supplyhub.refunds.refund-issued.v1']);
    });

    it('a timeout means processing; the notify settles it; a duplicate notify changes nothing', async () => {
      fulu.submitAnswers = [{ state: 'unknown', reason: 'timeout of 5000ms exceeded' }];
      const processing = await issue.execute('mall-a', topUp('ord-1'));
      expect(processing).toMatchObject({ status: 'processing', attempts: [{ providerId: 'fulu', state: 'unknown' }] });
      const orderNo = attemptOrderNo(processing._id, 1);
      const notify = new SettleProviderNotify(deps);
      await expect(notify.execute('fulu', { body: `${orderNo}|success|forged` })).rejects.toMatchObject({ code: 'validation-failed' });
      expect(await notify.execute('fulu', { body: `${orderNo}|success|ok` })).toEqual({ ack: 'success', outcome: 'settled' });
      expect(await notify.execute('fulu', { body: `${orderNo}|failed|ok` })).toEqual({ ack: 'success', outcome: 'already-settled' });
      expect(await deps.issuances.getAny(processing._id)).toMatchObject({ status: 'issued', attempts: [{ state: 'success' }] });
      expect(fulu.submitted).toHaveLength(1);
      expect(juhe.submitted).toHaveLength(0);
    });

    it('without a notify, status queries settle it', async () => {
      const processing = await issue.execute('mall-a', topUp('ord-1'));
      fulu.states.set(attemptOrderNo(processing._id, 1), [{ state: 'processing' }, { state: 'success', providerOrderId: 'F-1' }]);
      clock.advance(5_000);
      await new SweepIssuances(deps).execute();
      expect(await deps.issuances.getAny(processing._id)).toMatchObject({ status: 'processing', attempts: [{ checks: 1 }] });
      clock.advance(10_000);
      await new SweepIssuances(deps).execute();
      expect(await deps.issuances.getAny(processing._id)).toMatchObject({ status: 'issued', attempts: [{ state: 'success', providerOrderId: 'F-1' }] });
      expect(fulu.submitted).toHaveLength(1);
    });

    it('a lost submit the provider never saw is sent again under the same order number', async () => {
      fulu.submitAnswers = [{ state: 'unknown', reason: 'socket hang up' }, { state: 'processing' }];
      const processing = await issue.execute('mall-a', topUp('ord-1'));
      const orderNo = attemptOrderNo(processing._id, 1);
      fulu.states.set(orderNo, [{ state: 'not-found' }]);
      clock.advance(5_000);
      await new SweepIssuances(deps).execute();
      expect(fulu.submitted.map((request) => request.orderNo)).toEqual([orderNo, orderNo]);
      expect(juhe.submitted).toHaveLength(0);
    });

    it('only a confirmed failure goes to the fallback provider', async () => {
      fulu.submitAnswers = [{ state: 'failed', reason: '号码已停机' }];
      const issued = await issue.execute('mall-a', topUp('ord-1'));
      expect(issued).toMatchObject({ status: 'processing', attempts: [{ providerId: 'fulu', state: 'failed' }, { providerId: 'juhe', state: 'processing' }] });
      juhe.states.set(attemptOrderNo(issued._id, 2), [{ state: 'failed', reason: '运营商维护' }]);
      clock.advance(5_000);
      await new SweepIssuances(deps).execute();
      expect(await deps.issuances.getAny(issued._id)).toMatchObject({ status: 'failed', reason: 'fulu: 号码已停机; juhe: 运营商维护' });
      expect(await outboxTypes(issued._id)).toEqual([
        'supplyhub.codes.issuance-status-changed.v1',
        'supplyhub.codes.issuance-status-changed.v1',
        'supplyhub.refunds.refund-issued.v1',
      ]);
    });

    it('an attempt at a provider no longer configured is noted once and looked at again later, not sent elsewhere', async () => {
      const processing = await issue.execute('mall-a', topUp('ord-1'));
      const withoutFulu = { ...deps, providers: { get: (id: string) => (id === 'fulu' ? undefined : deps.providers.get(id)) } };
      for (let sweep = 0; sweep < 3; sweep += 1) {
        clock.advance(31_000);
        await new SweepIssuances(withoutFulu).execute();
      }
      const after = await deps.issuances.getAny(processing._id);
      expect(after!.attempts.map((attempt) => attempt.providerId)).toEqual(['fulu']);
      expect(after!.timeline.filter((entry) => /no longer configured/.test(entry.note))).toHaveLength(1);
      expect(after!.nextCheckAt!.getTime()).toBeGreaterThan(clock.now().getTime());
      expect(juhe.submitted).toHaveLength(0);
    });

    it('an open breaker sends new issuances to the fallback and leaves those in flight where they are', async () => {
      const inFlight = await issue.execute('mall-a', topUp('ord-1'));
      fulu.available = false;
      const fresh = await issue.execute('mall-a', topUp('ord-2'));
      expect(fresh.attempts.map((attempt) => attempt.providerId)).toEqual(['juhe']);
      clock.advance(5_000);
      await new SweepIssuances(deps).execute();
      expect(fulu.queried).toEqual([attemptOrderNo(inFlight._id, 1)]);
      expect((await deps.issuances.getAny(inFlight._id))!.attempts.map((attempt) => attempt.providerId)).toEqual(['fulu']);
    });
  });
});
