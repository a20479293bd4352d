import { attemptOrderNo, issuanceIdFor, reissueIssuanceIdFor } from '@supply-hub/codes-domain';
import { IssuanceStatusChanged, RefundIssued, type SerializedEvent } from '@supply-hub/contracts';
import { messageDispositionOf } from '@supply-hub/errors';
import { createTestDatabase, type TestDatabase } from '@supply-hub/testing';
import { SweepIssuances } from './advance-issuance/sweep-issuances.use-case';
import { ImportCodeBatch } from './import-code-batch/import-code-batch.use-case';
import { IssueVirtualLine } from './issue-virtual-line/issue-virtual-line.use-case';
import { PoolUpkeep } from './pool-levels/pool-levels.use-case';
import { ReissueVirtualLine } from './reissue-virtual-line/reissue-virtual-line.use-case';
import { RevealCodes } from './reveal-codes/reveal-codes.use-case';
import { SettleProviderNotify } from './settle-notify/settle-provider-notify.use-case';
import type { CodesDependencies } from './shared/codes-dependencies';
import { codesCsv, codesDependencies, ManualClock, POOL_PRODUCT, TOP_UP_PRODUCT } from './testing/codes-test-kit';
import { ScriptedRechargeProvider } from './testing/scripted-recharge-provider';

const START = new Date('2026-11-23T08:00:00Z');
const YEAR_AHEAD = new Date('2027-11-23T00:00:00Z');
const CASE = 'cas_0123456789abcdef0123';
const OTHER_CASE = 'cas_0123456789abcdef0124';

describe('reissues for after-sales cases on FerretDB', () => {
  let database: TestDatabase;
  let deps: CodesDependencies;
  let clock: ManualClock;
  let fulu: ScriptedRechargeProvider;
  let juhe: ScriptedRechargeProvider;
  let issue: IssueVirtualLine;
  let reissue: ReissueVirtualLine;

  beforeAll(async () => {
    database = await createTestDatabase('codes-reissues');
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
    reissue = new ReissueVirtualLine(deps);
  });

  const importCodes = (csv: string) => new ImportCodeBatch(deps).execute({ skuId: POOL_PRODUCT.skuId, faceValueFen: 2500, costFen: 2300, expiresAt: YEAR_AHEAD, csv, by: 'staff-1' });
  const request = (orderId: string, extra: Record<string, unknown> = {}) => ({
    caseId: CASE,
    orderId,
    lineId: '1',
    skuId: POOL_PRODUCT.skuId,
    quantity: 1,
    reason: 'the member says the code was already used',
    at: START.toISOString(),
    ...extra,
  });
  const outboxOf = async (issuanceId: string) => {
    const stored = (await deps.issuances.issuances.findOne({ _id: issuanceId })) as unknown as { outbox?: SerializedEvent[] } | null;
    return (stored?.outbox ?? []).map((event) => ({ type: event.type, data: JSON.parse(event.value).data, tenantid: JSON.parse(event.value).tenantid }));
  };

  describe('pool codes (not verifiable)', () => {
    it('issues a new code once per case however often the request comes, and retires the reported one for good', async () => {
      await importCodes(codesCsv('IQY', 5));
      const original = await issue.execute('mall-a', { orderId: 'ord-1', lineId: '1', skuId: POOL_PRODUCT.skuId, quantity: 1, unitPriceFen: 2400 });
      const reissueId = reissueIssuanceIdFor('mall-a', 'ord-1', '1', CASE);

      // The request delivered three times, two of them at once (as two instances would).
      const outcomes = await Promise.all([reissue.execute('mall-a', request('ord-1')), reissue.execute('mall-a', request('ord-1'))]);
      outcomes.push(await reissue.execute('mall-a', request('ord-1')));
      expect(outcomes.map((outcome) => [outcome.verdict, outcome.issuance?._id, outcome.issuance?.status])).toEqual(Array(3).fill(['not-verifiable', reissueId, 'issued']));
      const [again] = outcomes;
      expect(again!.issuance).toMatchObject({ orderId: 'ord-1', lineId: '1', quantity: 1, codeIds: [expect.any(String)], reissue: { caseId: CASE, verdict: 'not-verifiable', originalIssuanceId: original._id } });
      expect(again!.issuance!.codeIds).not.toEqual(original.codeIds);
      expect(await deps.pool.level(POOL_PRODUCT.skuId, clock.now())).toMatchObject({ available: 3, allocated: 2 });

      // The reissue announces itself under the original line, naming the case; no refund from here.
      expect(await outboxOf(reissueId)).toEqual([
        { type: IssuanceStatusChanged.type, tenantid: 'mall-a', data: expect.objectContaining({ issuanceId: reissueId, orderId: 'ord-1', lineId: '1', status: 'issued', reissue: { caseId: CASE, verdict: 'not-verifiable' } }) },
      ]);
      // The decision is on the original, once.
      expect((await deps.issuances.getAny(original._id))!.reissues).toEqual([expect.objectContaining({ caseId: CASE, verdict: 'not-verifiable', issuanceId: reissueId, replacesIssuanceId: original._id })]);

      // The reported code is retired: a late redelivery of the original line finds it (drawing no new
      // code), it cannot be given back, and the upkeep does not take it for an orphan.
      const [reported] = await deps.codes.byIds(original.codeIds);
      expect(reported).toMatchObject({ status: 'reported-invalid', issuanceId: original._id, reportedCaseId: CASE });
      expect((await issue.execute('mall-a', { orderId: 'ord-1', lineId: '1', skuId: POOL_PRODUCT.skuId, quantity: 1 })).codeIds).toEqual(original.codeIds);
      expect(await deps.codes.unclaim(reported!._id, original._id)).toBe(false);
      await new PoolUpkeep(deps).execute();
      await new PoolUpkeep(deps).execute();
      expect(await deps.pool.level(POOL_PRODUCT.skuId, clock.now())).toMatchObject({ available: 3, allocated: 2 });
      expect((await deps.codes.byIds(original.codeIds))[0]).toMatchObject({ status: 'reported-invalid' });
    });

    it('the mall reveals the reissued code by its case, the original by its line; another mall finds neither', async () => {
      await importCodes(codesCsv('IQY', 3));
      await issue.execute('mall-a', { orderId: 'ord-1', lineId: '1', skuId: POOL_PRODUCT.skuId, quantity: 1 });
      clock.advance(60_000);
      await reissue.execute('mall-a', request('ord-1'));
      const reveal = new RevealCodes(deps);
      expect((await reveal.execute('mall-a', 'ord-1', '1', 'key-a')).codes.map((code) => code.code)).toEqual(['IQY-0001']);
      expect((await reveal.execute('mall-a', 'ord-1', '1', 'key-a', CASE)).codes.map((code) => code.code)).toEqual(['IQY-0002']);
      await expect(reveal.execute('mall-b', 'ord-1', '1', 'key-b', CASE)).rejects.toMatchObject({ code: 'not-found' });
      await expect(reveal.execute('mall-a', 'ord-1', '1', 'key-a', OTHER_CASE)).rejects.toMatchObject({ code: 'not-found' });
      expect((await deps.issuances.ofOrder('mall-a', 'ord-1')).map((issuance) => issuance._id)).toEqual([issuanceIdFor('mall-a', 'ord-1', '1'), reissueIssuanceIdFor('mall-a', 'ord-1', '1', CASE)]);
      expect(await deps.issuances.ofOrder('mall-b', 'ord-1')).toEqual([]);
    });

    it('a second case on the line replaces the first reissue’s codes, not the original’s again', async () => {
      await importCodes(codesCsv('IQY', 5));
      await issue.execute('mall-a', { orderId: 'ord-1', lineId: '1', skuId: POOL_PRODUCT.skuId, quantity: 1 });
      const first = await reissue.execute('mall-a', request('ord-1'));
      const second = await reissue.execute('mall-a', request('ord-1', { caseId: OTHER_CASE }));
      expect(second.issuance).toMatchObject({ status: 'issued', reissue: { caseId: OTHER_CASE } });
      expect((await deps.issuances.getAny(issuanceIdFor('mall-a', 'ord-1', '1')))!.reissues!.map((record) => record.replacesIssuanceId)).toEqual([
        issuanceIdFor('mall-a', 'ord-1', '1'),
        first.issuance!._id,
      ]);
      expect((await deps.codes.byIds(first.issuance!.codeIds))[0]).toMatchObject({ status: 'reported-invalid', reportedCaseId: OTHER_CASE });
    });

    it('a reissue the pool cannot fill fails without a refund from virtual-codes (the case refunds)', async () => {
      await importCodes(codesCsv('IQY', 1));
      await issue.execute('mall-a', { orderId: 'ord-1', lineId: '1', skuId: POOL_PRODUCT.skuId, quantity: 1, unitPriceFen: 2400 });
      const waiting = await reissue.execute('mall-a', request('ord-1'));
      expect(waiting.issuance).toMatchObject({ status: 'processing' });
      clock.advance(600_000);
      await new SweepIssuances(deps).execute();
      expect(await deps.issuances.getAny(waiting.issuance!._id)).toMatchObject({ status: 'failed' });
      const events = await outboxOf(waiting.issuance!._id);
      expect(events.map((event) => [event.type, event.data.status, event.data.reissue?.caseId])).toEqual([
        [IssuanceStatusChanged.type, 'processing', CASE],
        [IssuanceStatusChanged.type, 'failed', CASE],
      ]);
      expect(events.some((event) => event.type === RefundIssued.type)).toBe(false);
    });
  });

  describe('top-ups (asked of the provider)', () => {
    const topUpLine = { orderId: 'ord-t', lineId: '1', skuId: TOP_UP_PRODUCT.skuId, quantity: 1, unitPriceFen: 4900, account: '138 1234 5678' };
    const topUpRequest = (extra: Record<string, unknown> = {}) => request('ord-t', { skuId: TOP_UP_PRODUCT.skuId, reason: 'the member says nothing was credited', ...extra });
    const issueTopUp = async () => {
      fulu.submitAnswers = [{ state: 'success', providerOrderId: 'F-1' }];
      const original = await issue.execute('mall-a', topUpLine);
      expect(original).toMatchObject({ status: 'issued' });
      return original;
    };

    it('the provider confirms the original was credited: nothing issued, the case told why, asked once', async () => {
      const original = await issueTopUp();
      const orderNo = attemptOrderNo(original._id, 1);
      fulu.states.set(orderNo, [{ state: 'success', providerOrderId: 'F-1' }]);
      const outcome = await reissue.execute('mall-a', topUpRequest());
      expect(outcome).toEqual({ verdict: 'confirmed-delivered' });
      const reissueId = reissueIssuanceIdFor('mall-a', 'ord-t', '1', CASE);
      expect(await deps.issuances.getAny(reissueId)).toBeNull();
      expect(fulu.queried).toEqual([orderNo]);
      expect(fulu.submitted).toHaveLength(1);

      const refusal = (await outboxOf(original._id)).filter((event) => event.data.reissue);
      expect(refusal).toEqual([
        {
          type: IssuanceStatusChanged.type,
          tenantid: 'mall-a',
          data: expect.objectContaining({
            issuanceId: reissueId,
            orderId: 'ord-t',
            lineId: '1',
            status: 'failed',
            reason: expect.stringMatching(/^the provider confirms the original was credited \(fulu, order /),
            reissue: { caseId: CASE, verdict: 'confirmed-delivered' },
          }),
        },
      ]);
      // Redelivered: the recorded decision stands; the provider is not asked again, nothing is announced twice.
      expect(await reissue.execute('mall-a', topUpRequest())).toEqual({ verdict: 'confirmed-delivered' });
      expect(fulu.queried).toHaveLength(1);
      expect((await outboxOf(original._id)).filter((event) => event.data.reissue)).toHaveLength(1);
      expect((await deps.issuances.getAny(original._id))!.status).toBe('issued');
    });

    it('the provider confirms it failed: credited again, to the same account, under the case', async () => {
      const original = await issueTopUp();
      fulu.states.set(attemptOrderNo(original._id, 1), [{ state: 'failed', reason: '充值失败' }]);
      const outcome = await reissue.execute('mall-a', topUpRequest());
      const reissueId = reissueIssuanceIdFor('mall-a', 'ord-t', '1', CASE);
      expect(outcome).toMatchObject({ verdict: 'confirmed-not-delivered', issuance: { _id: reissueId, status: 'processing', account: '13812345678' } });
      expect(fulu.submitted.map((sent) => [sent.orderNo, sent.account, sent.quantity])).toEqual([
        [attemptOrderNo(original._id, 1), '13812345678', 1],
        [attemptOrderNo(reissueId, 1), '13812345678', 1],
      ]);
      // The provider's notify of the reissue's order finds the reissue and settles it.
      expect(await new SettleProviderNotify(deps).execute('fulu', { body: `${attemptOrderNo(reissueId, 1)}|success|ok` })).toEqual({ ack: 'success', outcome: 'settled' });
      expect((await outboxOf(reissueId)).map((event) => [event.data.status, event.data.orderId, event.data.lineId, event.data.reissue])).toEqual([
        ['processing', 'ord-t', '1', { caseId: CASE, verdict: 'confirmed-not-delivered' }],
        ['issued', 'ord-t', '1', { caseId: CASE, verdict: 'confirmed-not-delivered' }],
      ]);
      // Redelivered: the same reissue, nothing sent again.
      expect((await reissue.execute('mall-a', topUpRequest())).issuance).toMatchObject({ _id: reissueId, status: 'issued' });
      expect(fulu.submitted).toHaveLength(2);
      expect(fulu.queried).toHaveLength(1);
    });

    it('a reissue refused by every provider fails with no refund from virtual-codes', async () => {
      const original = await issueTopUp();
      fulu.states.set(attemptOrderNo(original._id, 1), [{ state: 'not-found' }]);
      fulu.submitAnswers = [{ state: 'failed', reason: '号码已停机' }];
      juhe.submitAnswers = [{ state: 'failed', reason: '运营商维护' }];
      const outcome = await reissue.execute('mall-a', topUpRequest());
      expect(outcome).toMatchObject({ verdict: 'confirmed-not-delivered', issuance: { status: 'failed', reason: 'fulu: 号码已停机; juhe: 运营商维护' } });
      expect((await outboxOf(outcome.issuance!._id)).map((event) => event.type)).toEqual([IssuanceStatusChanged.type, IssuanceStatusChanged.type]);
    });

    it('a provider that gives no verdict yet (timeout) leaves nothing decided, to be retried', async () => {
      const original = await issueTopUp();
      fulu.states.set(attemptOrderNo(original._id, 1), [{ state: 'unknown', reason: 'timeout of 5000ms exceeded' }, { state: 'failed', reason: '充值失败' }]);
      const error = await reissue.execute('mall-a', topUpRequest()).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'dependency-unavailable' });
      expect(messageDispositionOf(error)).toBe('retry');
      expect((await deps.issuances.getAny(original._id))!.reissues).toBeUndefined();
      expect(fulu.submitted).toHaveLength(1);
      expect(await reissue.execute('mall-a', topUpRequest())).toMatchObject({ verdict: 'confirmed-not-delivered', issuance: { status: 'processing' } });
    });
  });

  describe('requests that cannot be served', () => {
    it('another mall’s line is not found (dead-lettered) and its line is left untouched', async () => {
      await importCodes(codesCsv('IQY', 3));
      const original = await issue.execute('mall-a', { orderId: 'ord-1', lineId: '1', skuId: POOL_PRODUCT.skuId, quantity: 1 });
      const error = await reissue.execute('mall-b', request('ord-1')).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'not-found' });
      expect(messageDispositionOf(error)).toBe('dead-letter');
      expect(await deps.issuances.getAny(reissueIssuanceIdFor('mall-b', 'ord-1', '1', CASE))).toBeNull();
      expect((await deps.issuances.getAny(original._id))!.reissues).toBeUndefined();
      expect((await deps.codes.byIds(original.codeIds))[0]).toMatchObject({ status: 'allocated' });
      expect(await deps.pool.level(POOL_PRODUCT.skuId, clock.now())).toMatchObject({ available: 2, allocated: 1 });
    });

    it('more than the line had, or another SKU, is refused; a line still in flight is retried', async () => {
      await importCodes(codesCsv('IQY', 3));
      await issue.execute('mall-a', { orderId: 'ord-1', lineId: '1', skuId: POOL_PRODUCT.skuId, quantity: 1 });
      const tooMany = await reissue.execute('mall-a', request('ord-1', { quantity: 2 })).catch((caught: unknown) => caught);
      expect(tooMany).toMatchObject({ code: 'validation-failed', issues: [{ path: 'quantity', message: "at most the line's 1" }] });
      expect(messageDispositionOf(tooMany)).toBe('dead-letter');
      await expect(reissue.execute('mall-a', request('ord-1', { skuId: TOP_UP_PRODUCT.skuId }))).rejects.toMatchObject({ issues: [{ path: 'skuId' }] });

      const inFlight = await issue.execute('mall-a', { orderId: 'ord-2', lineId: '1', skuId: TOP_UP_PRODUCT.skuId, quantity: 1, account: '13812345678' });
      expect(inFlight.status).toBe('processing');
      const unsettled = await reissue.execute('mall-a', request('ord-2', { skuId: TOP_UP_PRODUCT.skuId })).catch((caught: unknown) => caught);
      expect(unsettled).toMatchObject({ code: 'conflict' });
      expect(messageDispositionOf(unsettled)).toBe('retry');
      expect(fulu.queried).toEqual([]);
    });
  });
});
