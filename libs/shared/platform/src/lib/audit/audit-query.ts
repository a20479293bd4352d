import type { AuditActorKind } from './audit-entry';

/** What /audit (and AuditLog.page) filters by; every field narrows, none is required. */
export interface AuditFilter {
  /** An entity kind alone, or one entity. */
  entity?: { kind: string; id?: string };
  actor?: { kind: AuditActorKind; sub: string };
  action?: string;
  /** At or after. */
  from?: Date;
  /** Before. */
  to?: Date;
  /** The last entry of the previous page (the cursor): only older entries, or as old with a smaller id. */
  after?: { at: Date; id: string };
}

/** Newest first; entries of the same millisecond by id, so the cursor (time, id) is a total order. */
export const AUDIT_SORT = { at: -1, _id: -1 } as const;

/** The MongoDB filter for `filter`, shaped to lead with the fields the audit_log indexes start with. */
export function auditQueryOf(filter: AuditFilter): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  if (filter.entity) {
    query['entity.kind'] = filter.entity.kind;
    if (filter.entity.id !== undefined) query['entity.id'] = filter.entity.id;
  }
  if (filter.actor) {
    query['actor.sub'] = filter.actor.sub;
    query['actor.kind'] = filter.actor.kind;
  }
  if (filter.action !== undefined) query.action = filter.action;
  if (filter.from || filter.to) query.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  if (filter.after) query.$or = [{ at: { $lt: filter.after.at } }, { at: filter.after.at, _id: { $lt: filter.after.id } }];
  return query;
}
