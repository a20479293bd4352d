import { z } from 'zod';
import { AUDIT_ACTION_PATTERN, AUDIT_ACTOR_KINDS, AUDIT_ENTITY_KIND_PATTERN, AUDIT_KEY_PATTERN, type AuditActorKind, type AuditEntry } from './audit-entry';
import type { AuditFilter } from './audit-query';

const instant = (what: string) =>
  z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .optional()
    .describe(what);

const ACTOR_LABEL = new RegExp(`^(${AUDIT_ACTOR_KINDS.join('|')}):(${AUDIT_KEY_PATTERN.source.slice(1, -1)})$`);

// Zod runs an object's refinements even when a field failed (a bad time is still a string then): they step aside.
const bothTimes = (query: { from?: unknown; to?: unknown }) => query.from instanceof Date && query.to instanceof Date;

export const auditQuerySchema = z
  .strictObject({
    entityKind: z
      .string()
      .regex(AUDIT_ENTITY_KIND_PATTERN, 'must be an entity kind such as case or sku')
      .optional()
      .describe('Entries about this kind of entity'),
    entityId: z.string().regex(AUDIT_KEY_PATTERN, 'must be an entity id').optional().describe('… and this one (needs entityKind)'),
    actor: z
      .string()
      .regex(ACTOR_LABEL, `must be <kind>:<subject> with kind ${AUDIT_ACTOR_KINDS.join(', ')}, e.g. staff:alice`)
      .optional()
      .describe('Entries by this actor, as <kind>:<subject> (the `principal` of the JSON logs): staff:alice, system:case-sweeps'),
    action: z.string().regex(AUDIT_ACTION_PATTERN, 'must be an action such as case.approve').optional(),
    from: instant('At or after this time, e.g. 2026-11-01T00:00:00+08:00'),
    to: instant('Before this time'),
    cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((query) => query.entityId === undefined || query.entityKind !== undefined, { message: 'needs entityKind', path: ['entityId'] })
  .refine((query) => !bothTimes(query) || (query.from as Date) < (query.to as Date), { message: 'must be before to', path: ['from'] });
export type AuditQuery = z.output<typeof auditQuerySchema>;

/** The query's filters in the store's terms. */
export function auditFilterOf(query: AuditQuery): Omit<AuditFilter, 'after'> {
  const actor = query.actor === undefined ? undefined : ACTOR_LABEL.exec(query.actor);
  return {
    ...(query.entityKind === undefined ? {} : { entity: { kind: query.entityKind, ...(query.entityId === undefined ? {} : { id: query.entityId }) } }),
    ...(actor ? { actor: { kind: actor[1] as AuditActorKind, sub: actor[2]! } } : {}),
    ...(query.action === undefined ? {} : { action: query.action }),
    ...(query.from === undefined ? {} : { from: query.from }),
    ...(query.to === undefined ? {} : { to: query.to }),
  };
}

export const auditEntrySchema = z
  .object({
    id: z.string().describe('aud_…'),
    at: z.iso.datetime(),
    actor: z.object({
      kind: z.enum(AUDIT_ACTOR_KINDS),
      sub: z.string().describe('The staff subject, tenant or warehouse id, or the system job'),
      roles: z.array(z.string()).optional().describe('The staff member’s roles when acting'),
    }),
    action: z.string().describe('<entity kind>.<verb>, e.g. case.approve'),
    entity: z.object({ kind: z.string(), id: z.string() }),
    before: z.unknown().optional().describe('The changed state before the action'),
    after: z.unknown().optional().describe('… and after it'),
    reason: z.string().optional().describe('The note or reason given'),
    requestId: z.string().optional().describe('X-Request-Id of the request that acted'),
  })
  .meta({ id: 'AuditEntry' });

export const auditPageSchema = z
  .object({
    items: z.array(auditEntrySchema).describe('Newest first'),
    nextCursor: z.string().nullable().describe('Pass as cursor for older entries; null on the last page'),
  })
  .meta({ id: 'AuditPage' });

export type AuditEntryView = z.output<typeof auditEntrySchema>;

export function toAuditEntryView(entry: AuditEntry): AuditEntryView {
  return { ...entry, at: entry.at.toISOString() };
}
