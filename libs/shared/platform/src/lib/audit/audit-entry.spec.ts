import { actorLabel, actorOf, type AuditActor, newAuditEntry, toAuditEntry } from './audit-entry';

const alice: AuditActor = { kind: 'staff', sub: 'alice', roles: ['operations'] };
const at = new Date('2026-11-24T01:02:03.004Z');
const approve = {
  action: 'case.approve',
  entity: { kind: 'case', id: 'cas_0123456789abcdef0123' },
  before: { status: 'opened', version: 1 },
  after: { status: 'approved', version: 2 },
  reason: '同意退货',
};

describe('audit entries', () => {
  it('takes the actor from the authenticated principal', () => {
    expect(actorOf({ kind: 'staff', sub: 'alice', roles: ['quality', 'admin'] })).toEqual({ kind: 'staff', sub: 'alice', roles: ['quality', 'admin'] });
    expect(actorOf({ kind: 'tenant', tenantId: 'mall-1', keyId: 'key_1' })).toEqual({ kind: 'tenant', sub: 'mall-1' });
    expect(actorOf({ kind: 'warehouse', warehouseId: 'wh-bj', keyId: 'key_2' })).toEqual({ kind: 'warehouse', sub: 'wh-bj' });
    expect(actorLabel({ kind: 'system', sub: 'case-sweeps' })).toBe('system:case-sweeps');
  });

  it('derives the id from the request and what was recorded, so writing it again is the same entry', () => {
    const first = newAuditEntry(alice, approve, at, 'req-1');
    const retried = newAuditEntry(alice, approve, new Date(at.getTime() + 5_000), 'req-1');
    expect(first._id).toMatch(/^aud_[0-9a-f]{24}$/);
    expect(retried._id).toBe(first._id);
  });

  it('gives different ids to different requests, actors, actions, entities and contents', () => {
    const id = newAuditEntry(alice, approve, at, 'req-1')._id;
    expect(newAuditEntry(alice, approve, at, 'req-2')._id).not.toBe(id);
    expect(newAuditEntry({ ...alice, sub: 'bob' }, approve, at, 'req-1')._id).not.toBe(id);
    expect(newAuditEntry(alice, { ...approve, action: 'case.reject' }, at, 'req-1')._id).not.toBe(id);
    expect(newAuditEntry(alice, { ...approve, entity: { kind: 'case', id: 'cas_ffffffffffffffffffff' } }, at, 'req-1')._id).not.toBe(id);
    // A client reusing its X-Request-Id for another note must not lose the second one.
    expect(newAuditEntry(alice, { ...approve, reason: 'another note' }, at, 'req-1')._id).not.toBe(id);
    expect(newAuditEntry(alice, { ...approve, after: { status: 'approved', version: 3 } }, at, 'req-1')._id).not.toBe(id);
  });

  it('gives a random id without a request id', () => {
    const ids = ['0123456789abcdef01234567', 'fedcba9876543210fedcba98'];
    const random = () => ids.shift()!;
    expect(newAuditEntry(alice, approve, at, undefined, random)._id).toBe('aud_0123456789abcdef01234567');
    expect(newAuditEntry(alice, approve, at, undefined, random)._id).toBe('aud_fedcba9876543210fedcba98');
    expect(newAuditEntry(alice, approve, at)._id).toMatch(/^aud_[0-9a-f]{24}$/);
  });

  it('stores before and after as JSON text and reads them back', () => {
    const document = newAuditEntry(alice, { ...approve, before: { 'odd.key': 1, $op: [[1]] } }, at, 'req-1');
    expect(document).toMatchObject({ beforeJson: '{"odd.key":1,"$op":[[1]]}', afterJson: '{"status":"approved","version":2}', requestId: 'req-1', at });
    expect(toAuditEntry(document)).toEqual({
      id: document._id,
      at,
      actor: alice,
      action: 'case.approve',
      entity: approve.entity,
      before: { 'odd.key': 1, $op: [[1]] },
      after: { status: 'approved', version: 2 },
      reason: '同意退货',
      requestId: 'req-1',
    });
  });

  it('leaves out what was not recorded', () => {
    const document = newAuditEntry({ kind: 'system', sub: 'case-sweeps' }, { action: 'case.escalate', entity: approve.entity }, at);
    expect(Object.keys(document).sort()).toEqual(['_id', 'action', 'actor', 'at', 'entity']);
    expect(Object.keys(toAuditEntry(document)).sort()).toEqual(['action', 'actor', 'at', 'entity', 'id']);
  });

  it('refuses malformed entries: they are programming errors', () => {
    expect(() => newAuditEntry(alice, { ...approve, action: 'Approve' }, at)).toThrow(/<entity>\.<verb>/);
    expect(() => newAuditEntry(alice, { ...approve, entity: { kind: 'Case', id: 'x' } }, at)).toThrow(/entity kind/);
    expect(() => newAuditEntry(alice, { ...approve, entity: { kind: 'case', id: '' } }, at)).toThrow(/needs an id/);
    expect(() => newAuditEntry({ kind: 'system', sub: '' }, approve, at)).toThrow(/subject/);
    expect(() => newAuditEntry(alice, { ...approve, after: () => 1 }, at)).toThrow(/JSON-serialisable/);
    expect(() => newAuditEntry(alice, { ...approve, after: 'x'.repeat(300_000) }, at)).toThrow(/bytes/);
  });
});
