import { auditQueryOf } from './audit-query';
import { auditFilterOf, auditQuerySchema } from './audit.dto';

describe('audit queries', () => {
  it('filters by entity, actor, action and time window', () => {
    const from = new Date('2026-11-01T00:00:00Z');
    const to = new Date('2026-12-01T00:00:00Z');
    expect(auditQueryOf({ entity: { kind: 'case', id: 'cas_1' }, actor: { kind: 'staff', sub: 'alice' }, action: 'case.approve', from, to })).toEqual({
      'entity.kind': 'case',
      'entity.id': 'cas_1',
      'actor.sub': 'alice',
      'actor.kind': 'staff',
      action: 'case.approve',
      at: { $gte: from, $lt: to },
    });
    expect(auditQueryOf({ entity: { kind: 'sku' } })).toEqual({ 'entity.kind': 'sku' });
    expect(auditQueryOf({})).toEqual({});
  });

  it('continues after the cursor: older, or as old with a smaller id', () => {
    const at = new Date('2026-11-24T01:02:03.004Z');
    expect(auditQueryOf({ action: 'case.note', after: { at, id: 'aud_5' } })).toEqual({
      action: 'case.note',
      $or: [{ at: { $lt: at } }, { at, _id: { $lt: 'aud_5' } }],
    });
  });

  it('reads the HTTP query into a filter', () => {
    const query = auditQuerySchema.parse({ entityKind: 'case', entityId: 'cas_1', actor: 'staff:alice@example.com', from: '2026-11-01T00:00:00+08:00' });
    expect(query.limit).toBe(50);
    expect(auditFilterOf(query)).toEqual({
      entity: { kind: 'case', id: 'cas_1' },
      actor: { kind: 'staff', sub: 'alice@example.com' },
      from: new Date('2026-10-31T16:00:00Z'),
    });
    expect(auditFilterOf(auditQuerySchema.parse({ actor: 'system:case-sweeps', action: 'case.escalate' }))).toEqual({
      actor: { kind: 'system', sub: 'case-sweeps' },
      action: 'case.escalate',
    });
  });

  it('refuses queries it cannot answer, naming the field', () => {
    const issues = (input: Record<string, unknown>) => auditQuerySchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.'));
    expect(issues({ entityId: 'cas_1' })).toEqual(['entityId']);
    expect(issues({ actor: 'alice' })).toEqual(['actor']);
    expect(issues({ actor: 'robot:r2' })).toEqual(['actor']);
    expect(issues({ action: 'approve' })).toEqual(['action']);
    expect(issues({ from: '2026-12-01T00:00:00Z', to: '2026-11-01T00:00:00Z' })).toEqual(['from']);
    expect(issues({ from: 'yesterday' })).toEqual(['from']);
    expect(issues({ limit: '0' })).toEqual(['limit']);
    expect(issues({ sort: 'asc' })).toEqual(['']);
  });
});
