import type { Principal, StaffRole } from '@supply-hub/auth';
import { createHash, randomBytes } from 'node:crypto';

export const AUDIT_ACTOR_KINDS = ['staff', 'system', 'tenant', 'warehouse'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/**
 * Who acted. `sub` names the person or party in its kind: the staff token's subject, a tenant or warehouse
 * id, or for `system` the job that acted (`case-sweeps`, `cli`). Roles are those the staff member held then.
 */
export type AuditActor = { kind: 'staff'; sub: string; roles: StaffRole[] } | { kind: 'system' | 'tenant' | 'warehouse'; sub: string };

/** What was acted on: `{ kind: 'case', id: 'cas_…' }`, `{ kind: 'sku', id: … }`. */
export interface AuditEntity {
  kind: string;
  id: string;
}

/** One action as its caller describes it; the actor, time and id are added by the audit log. */
export interface AuditChange {
  /** `<entity kind>.<verb>`: `case.approve`, `sku.approve`, `blacklist.create`. */
  action: string;
  entity: AuditEntity;
  /** The state the action changed, before and after (the changed fields, not the whole aggregate). */
  before?: unknown;
  after?: unknown;
  /** The staff member's note or reason, as given. */
  reason?: string;
}

/** An entry of the append-only audit log, as read back. */
export interface AuditEntry extends AuditChange {
  id: string;
  at: Date;
  actor: AuditActor;
  /** The correlation id of the request (or job run) that acted. */
  requestId?: string;
}

/**
 * An entry as stored in `audit_log`. `before` and `after` are kept as JSON text, like webhook event
 * bodies: whatever a caller records, no key of it can clash with the storage rules (`.`, `$`, nested
 * arrays on FerretDB), and nothing ever queries inside them.
 */
export interface AuditEntryDocument {
  _id: string;
  at: Date;
  actor: AuditActor;
  action: string;
  entity: AuditEntity;
  beforeJson?: string;
  afterJson?: string;
  reason?: string;
  requestId?: string;
}

export const AUDIT_ID_PATTERN = /^aud_[0-9a-f]{24}$/;
export const AUDIT_ACTION_PATTERN = /^[a-z][a-z0-9-]{0,39}(\.[a-z][a-z0-9-]{0,39}){1,3}$/;
export const AUDIT_ENTITY_KIND_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
/** Entity ids and actor subjects: printable, no spaces, bounded (they are index keys). */
export const AUDIT_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
/** Bound on the recorded text of one entry (reason, before and after together): audit what changed, not whole aggregates. */
export const MAX_AUDIT_TEXT_BYTES = 256 * 1024;

/** The actor a request's caller is recorded as: taken from the authenticated principal, never from input. */
export function actorOf(principal: Principal): AuditActor {
  switch (principal.kind) {
    case 'staff':
      return { kind: 'staff', sub: principal.sub, roles: [...principal.roles] };
    case 'tenant':
      return { kind: 'tenant', sub: principal.tenantId };
    case 'warehouse':
      return { kind: 'warehouse', sub: principal.warehouseId };
  }
}

/** `staff:alice`, `system:case-sweeps`: how /audit's `actor` filter names an actor (principalLabel's form). */
export function actorLabel(actor: Pick<AuditActor, 'kind' | 'sub'>): string {
  return `${actor.kind}:${actor.sub}`;
}

/**
 * The entry to store. Without a request id the entry gets a random id. With one, its id is derived
 * from the request, actor, action, entity and what was recorded, so writing the same entry again (a
 * retried write, a redelivered event) finds the first one instead of doubling it; the content is part
 * of the key because request ids come from clients (`X-Request-Id`), and a reused one must not swallow
 * a different action. Throws on malformed input: callers are code, so that is a programming error.
 */
export function newAuditEntry(
  actor: AuditActor,
  change: AuditChange,
  at: Date,
  requestId?: string,
  random: () => string = () => randomBytes(12).toString('hex'),
): AuditEntryDocument {
  const problem = auditProblem(actor, change);
  if (problem) throw new Error(`audit entry refused: ${problem}`);
  const beforeJson = jsonOf(change.before);
  const afterJson = jsonOf(change.after);
  const size = Buffer.byteLength((beforeJson ?? '') + (afterJson ?? '') + (change.reason ?? ''));
  if (size > MAX_AUDIT_TEXT_BYTES) throw new Error(`audit entry refused: ${size} bytes of reason, before and after (at most ${MAX_AUDIT_TEXT_BYTES})`);
  const content = {
    actor: actor.kind === 'staff' ? { kind: actor.kind, sub: actor.sub, roles: [...actor.roles] } : { kind: actor.kind, sub: actor.sub },
    action: change.action,
    entity: { kind: change.entity.kind, id: change.entity.id },
    ...(beforeJson === undefined ? {} : { beforeJson }),
    ...(afterJson === undefined ? {} : { afterJson }),
    ...(change.reason === undefined ? {} : { reason: change.reason }),
  };
  const id =
    requestId === undefined
      ? `aud_${random()}`
      : `aud_${createHash('sha256')
          .update(
            JSON.stringify([
              requestId,
              actorLabel(actor),
              content.action,
              content.entity.kind,
              content.entity.id,
              change.reason ?? null,
              beforeJson ?? null,
              afterJson ?? null,
            ]),
          )
          .digest('hex')
          .slice(0, 24)}`;
  return { _id: id, at, ...content, ...(requestId === undefined ? {} : { requestId }) };
}

/** The stored entry as callers read it (JSON text parsed back). */
export function toAuditEntry(document: AuditEntryDocument): AuditEntry {
  return {
    id: document._id,
    at: document.at,
    actor: document.actor,
    action: document.action,
    entity: document.entity,
    ...(document.beforeJson === undefined ? {} : { before: JSON.parse(document.beforeJson) as unknown }),
    ...(document.afterJson === undefined ? {} : { after: JSON.parse(document.afterJson) as unknown }),
    ...(document.reason === undefined ? {} : { reason: document.reason }),
    ...(document.requestId === undefined ? {} : { requestId: document.requestId }),
  };
}

function auditProblem(actor: AuditActor, change: AuditChange): string | undefined {
  if (!AUDIT_ACTOR_KINDS.includes(actor.kind)) return `unknown actor kind ${String(actor.kind)}`;
  if (!AUDIT_KEY_PATTERN.test(actor.sub)) return 'the actor needs a subject (printable, no spaces, at most 200 characters)';
  if (!AUDIT_ACTION_PATTERN.test(change.action)) return `action ${JSON.stringify(change.action)} is not of the form <entity>.<verb> (lower case)`;
  if (!AUDIT_ENTITY_KIND_PATTERN.test(change.entity.kind)) return `entity kind ${JSON.stringify(change.entity.kind)} is not a lower-case word`;
  if (!AUDIT_KEY_PATTERN.test(change.entity.id)) return 'the entity needs an id (printable, no spaces, at most 200 characters)';
  return undefined;
}

/** JSON text of a recorded state; undefined stays absent (nothing recorded), anything else must serialise. */
function jsonOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error('audit entry refused: before / after must be JSON-serialisable');
  return json;
}
