import { RequestContext, type StaffPrincipal } from '@supply-hub/auth';
import { ValidationError } from '@supply-hub/errors';
import { connectMongo, createIndexesFor, modelOn } from '@supply-hub/mongo';
import { integrationEnv, uniqueName } from '@supply-hub/testing';
import type { Connection } from 'mongoose';
import { AUDIT_ENTRY_MODEL, AUDIT_LOG_COLLECTION } from './audit-entry.schema';
import { AuditLog } from './audit-log.service';
import { AuditLogRepository } from './audit-log.repository';

/** Time moves only when a test says so: several entries share a millisecond, as they do under load. */
let nowMs = Date.parse('2026-11-24T08:00:00.000Z');
const clock = { now: () => new Date(nowMs) };
const tick = (ms = 1_000) => (nowMs += ms);

const alice: StaffPrincipal = { kind: 'staff', sub: 'alice', roles: ['operations'] };
const bob: StaffPrincipal = { kind: 'staff', sub: 'bob', roles: ['quality'] };
const asRequest = (requestId: string, principal: StaffPrincipal) => RequestContext.forPrincipal(requestId, principal);

describe('AuditLog on FerretDB', () => {
  let connection: Connection;
  let repository: AuditLogRepository;
  let audit: AuditLog;

  beforeAll(async () => {
    connection = await connectMongo({ url: integrationEnv().mongoUrl, dbName: uniqueName('int_audit') });
    const model = modelOn(connection, AUDIT_ENTRY_MODEL);
    await createIndexesFor(model);
    // A second start-up finds the indexes there already.
    await createIndexesFor(model);
    repository = new AuditLogRepository(model);
    audit = new AuditLog(repository, clock);
  });

  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('builds the entity, actor, action and time indexes at start-up', async () => {
    const keys = (await connection.db!.collection(AUDIT_LOG_COLLECTION).indexes()).map((index) => index.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        { 'entity.kind': 1, 'entity.id': 1, at: -1, _id: -1 },
        { 'actor.sub': 1, at: -1, _id: -1 },
        { action: 1, at: -1, _id: -1 },
        { at: -1, _id: -1 },
      ]),
    );
  });

  it("appends a request's entry with its caller as the actor, and finds it by entity", async () => {
    const entry = await audit.record(asRequest('req-approve-1', alice), {
      action: 'case.approve',
      entity: { kind: 'case', id: 'cas_audit_1' },
      before: { status: 'opened' },
      after: { status: 'approved' },
      reason: '同意退货',
    });
    expect(entry).toMatchObject({ actor: { kind: 'staff', sub: 'alice', roles: ['operations'] }, requestId: 'req-approve-1', at: clock.now() });

    const page = await audit.page({ entity: { kind: 'case', id: 'cas_audit_1' } }, { limit: 10 });
    expect(page).toEqual({ items: [entry], nextCursor: null });
    expect(await repository.findById(entry.id)).toMatchObject({ beforeJson: '{"status":"opened"}', afterJson: '{"status":"approved"}' });
  });

  it('keeps one entry when the same write is retried, and both when a request id is reused for another action', async () => {
    const entity = { kind: 'case', id: 'cas_audit_2' };
    const note = { action: 'case.note', entity, before: { status: 'opened' }, after: { status: 'opened' }, reason: '请补充照片' };
    const first = await audit.record(asRequest('req-note-1', alice), note);
    tick();
    const retried = await audit.record(asRequest('req-note-1', alice), note);
    expect(retried.id).toBe(first.id);
    // A reused X-Request-Id with another note is another entry.
    await audit.record(asRequest('req-note-1', alice), { ...note, reason: '照片已收到' });
    // Outside a request, the caller's id (an event id) does the same; without one every record is new.
    const sweep = { kind: 'system', sub: 'case-sweeps' } as const;
    const escalation = { action: 'case.escalate', entity, requestId: 'evt-42' };
    await audit.record(sweep, escalation);
    await audit.record(sweep, escalation);
    await audit.record(sweep, { action: 'case.remind', entity });
    await audit.record(sweep, { action: 'case.remind', entity });

    const page = await audit.page({ entity }, { limit: 50 });
    const count = (action: string) => page.items.filter((item) => item.action === action).length;
    expect([count('case.note'), count('case.escalate'), count('case.remind')]).toEqual([2, 1, 2]);
    // The first write of the retried entry is the one kept.
    expect((await repository.findById(first.id))?.at).toEqual(first.at);
  });

  it('writes several entries at once, skipping those written before', async () => {
    const ctx = asRequest('req-bulk-1', bob);
    const changes = ['sku_1', 'sku_2', 'sku_3'].map((id) => ({ action: 'sku.approve', entity: { kind: 'sku', id }, after: { curation: 'approved' } }));
    await audit.record(ctx, changes[1]!);
    const entries = await audit.recordMany(ctx, changes);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(3);
    expect((await audit.page({ action: 'sku.approve' }, { limit: 10 })).items.map((item) => item.entity.id).sort()).toEqual(['sku_1', 'sku_2', 'sku_3']);
  });

  it('finds entries by actor, telling kinds apart', async () => {
    tick();
    await audit.record(asRequest('req-bob-1', bob), { action: 'blacklist.create', entity: { kind: 'blacklist', id: 'bl_1' }, reason: '假货投诉' });
    await audit.record({ kind: 'tenant', sub: 'bob' }, { action: 'case.withdraw', entity: { kind: 'case', id: 'cas_audit_3' } });

    const byBob = await audit.page({ actor: { kind: 'staff', sub: 'bob' } }, { limit: 50 });
    expect(byBob.items.every((item) => item.actor.kind === 'staff' && item.actor.sub === 'bob')).toBe(true);
    expect(byBob.items.map((item) => item.action)).toEqual(['blacklist.create', 'sku.approve', 'sku.approve', 'sku.approve']);
    const byAlice = await audit.page({ actor: { kind: 'staff', sub: 'alice' }, action: 'case.approve' }, { limit: 50 });
    expect(byAlice.items.map((item) => item.entity.id)).toEqual(['cas_audit_1']);
    expect((await audit.page({ actor: { kind: 'tenant', sub: 'bob' } }, { limit: 50 })).items.map((item) => item.action)).toEqual(['case.withdraw']);
  });

  it('pages newest first through entries that share a millisecond, each entry once', async () => {
    const entity = { kind: 'case', id: 'cas_audit_paging' };
    tick();
    const windowStart = clock.now();
    for (let i = 0; i < 7; i++) {
      // Pairs of entries in the same millisecond: the id breaks the tie.
      if (i % 2 === 0) tick(10);
      await audit.record(asRequest(`req-page-${i}`, alice), { action: 'case.note', entity, reason: `note ${i}` });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await audit.page({ entity }, { limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => `${item.at.toISOString()} ${item.id} ${item.reason}`));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect([...seen].sort().reverse()).toEqual(seen);
    expect(new Set(seen.map((line) => line.split(' ')[1])).size).toBe(7);

    // The time window: [from, to).
    const firstPair = await audit.page({ entity, from: windowStart, to: new Date(windowStart.getTime() + 11) }, { limit: 10 });
    expect(firstPair.items.map((item) => item.reason).sort()).toEqual(['note 0', 'note 1']);
  });

  it('refuses a cursor it did not give, and a request without a caller', async () => {
    await expect(audit.page({}, { limit: 10, cursor: 'bm90IGEgY3Vyc29y' })).rejects.toBeInstanceOf(ValidationError);
    await expect(audit.record(RequestContext.system('req-x'), { action: 'case.note', entity: { kind: 'case', id: 'cas_x' } })).rejects.toThrow(
      /no authenticated caller/,
    );
  });
});
