import { createTestApiKey, type TestService, testStaffToken } from '@supply-hub/platform/testing';
import { TestClock, uniqueName } from '@supply-hub/testing';
import { lineDelivered, startAftersales, UpstreamEvents } from './aftersales-fixtures';

jest.setTimeout(4 * 60_000);

interface AuditEntryBody {
  id: string;
  at: string;
  actor: { kind: string; sub: string; roles?: string[] };
  action: string;
  entity: { kind: string; id: string };
  before?: { status: string; version: number };
  after?: { status: string; version: number };
  reason?: string;
  requestId?: string;
}

describe('aftersales staff audit log on the real Kafka and FerretDB', () => {
  const clock = new TestClock();
  let service: TestService;
  let upstream: UpstreamEvents;
  let mall: string;
  let mallKey: string;
  let operations: string;
  let admin: string;
  let quality: string;
  let curator: string;

  beforeAll(async () => {
    service = await startAftersales(clock);
    upstream = await new UpstreamEvents().start();
    mall = uniqueName('mall-audit');
    mallKey = await createTestApiKey(service, 'tenant', mall);
    [operations, admin, quality, curator] = await Promise.all([
      testStaffToken(['operations'], 'lily'),
      testStaffToken(['admin'], 'root'),
      testStaffToken(['quality'], 'qiang'),
      testStaffToken(['curator'], 'cora'),
    ]);
  });

  afterAll(async () => {
    await upstream?.stop();
    await service?.close();
  });

  const auditOf = (token: string, query: Record<string, string>) => service.http.get('/audit').query(query).set('Authorization', `Bearer ${token}`);

  it('records a staff approval with who, before, after and the note, and serves it to admin and quality only', async () => {
    const line = await upstream.deliveredPhysicalLine(mall, { quantity: 1, deliveredAt: clock.now() });
    await lineDelivered(service, line, 1);
    const opened = await service.http
      .post('/cases')
      .set('X-Api-Key', mallKey)
      .send({ mallCaseId: uniqueName('AS'), orderId: line.orderId, lineId: line.lineId, kind: 'return', reason: '七天无理由退货', quantity: 1 })
      .expect(201);
    const caseId: string = opened.body.caseId;

    const approved = await service.http
      .post(`/staff/cases/${caseId}/approve`)
      .set('Authorization', `Bearer ${operations}`)
      .set('X-Request-Id', `e2e-approve-${caseId}`)
      .send({ note: '同意退货' })
      .expect(200);
    expect(approved.body.status).toBe('return-label-issued');
    // A refused action (the case is no longer opened) leaves no entry.
    await service.http.post(`/staff/cases/${caseId}/approve`).set('Authorization', `Bearer ${operations}`).send({}).expect(409);

    const byCase = await auditOf(admin, { entityKind: 'case', entityId: caseId }).expect(200);
    expect(byCase.body).toEqual({ items: [expect.any(Object)], nextCursor: null });
    const entry = byCase.body.items[0] as AuditEntryBody;
    expect(entry).toMatchObject({
      id: expect.stringMatching(/^aud_[0-9a-f]{24}$/),
      actor: { kind: 'staff', sub: 'lily', roles: ['operations'] },
      action: 'case.approve',
      entity: { kind: 'case', id: caseId },
      before: { status: 'opened' },
      after: { status: 'return-label-issued' },
      reason: '同意退货',
      requestId: `e2e-approve-${caseId}`,
    });
    expect(entry.after!.version).toBe(entry.before!.version + 1);

    // By person, for quality too.
    const byActor = await auditOf(quality, { actor: 'staff:lily', action: 'case.approve' }).expect(200);
    expect((byActor.body.items as AuditEntryBody[]).map((item) => item.id)).toContain(entry.id);

    // Not for malls, nor for staff roles other than admin and quality.
    const mallAttempt = await service.http.get('/audit').query({ entityKind: 'case', entityId: caseId }).set('X-Api-Key', mallKey).expect(403);
    expect(mallAttempt.headers['content-type']).toMatch(/application\/problem\+json/);
    await auditOf(curator, { entityKind: 'case', entityId: caseId }).expect(403);
    await auditOf(operations, { entityKind: 'case', entityId: caseId }).expect(403);
    await service.http.get('/audit').expect(401);
  });

  it('answers a query it cannot serve with problem+json naming the field', async () => {
    const response = await auditOf(admin, { entityId: 'cas_0123456789abcdef0123', limit: '0' }).expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((response.body.errors as { path: string }[]).map((issue) => issue.path).sort()).toEqual(['query.entityId', 'query.limit']);
    await auditOf(admin, { cursor: 'bm90IGEgY3Vyc29y' }).expect(400);
  });
});
