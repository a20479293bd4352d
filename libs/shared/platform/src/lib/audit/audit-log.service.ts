import { Inject, Injectable, Optional } from '@nestjs/common';
import { RequestContext } from '@supply-hub/auth';
import { ValidationError } from '@supply-hub/errors';
import { parseTimeIdCursor, timeIdCursor } from '@supply-hub/http';
import { type Clock, systemClock } from '../config/clock';
import { AUDIT_ID_PATTERN, type AuditActor, type AuditChange, type AuditEntry, actorOf, newAuditEntry, toAuditEntry } from './audit-entry';
import { AuditLogRepository } from './audit-log.repository';
import type { AuditFilter } from './audit-query';

/** Optional provider (a Clock, in a global module) for the entries' `at`; absent, the system clock. */
export const AUDIT_CLOCK = Symbol('AuditClock');

export interface AuditPage {
  items: AuditEntry[];
  /** Pass as `cursor` for older entries; null on the last page. */
  nextCursor: string | null;
}

/**
 * The service's staff audit log (`audit_log`): who did what to which entity, when, with the state before
 * and after and the reason. Provided with PlatformModule.forService({ audit: true }).
 *
 * In a request, pass its context: the actor is the authenticated caller and the request id makes a
 * retried write of the same entry land once, so a controller can neither forget nor forge who acted.
 * Outside HTTP (CLI, sweeps, consumers) pass the actor, `{ kind: 'system', sub: 'case-sweeps' }`, and,
 * when the work has one, the id that makes a repeat the same entry (an event id, a job run id).
 *
 * Record after the action took effect: a refused action (400, 409) leaves no entry. The entry is a
 * separate write from the action's own, so a crash between the two loses the entry; the actions of
 * aggregates that keep a timeline (cases) still name their actor there.
 */
@Injectable()
export class AuditLog {
  constructor(
    private readonly entries: AuditLogRepository,
    @Optional() @Inject(AUDIT_CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  record(ctx: RequestContext, change: AuditChange): Promise<AuditEntry>;
  record(actor: AuditActor, change: AuditChange & { requestId?: string }): Promise<AuditEntry>;
  async record(by: RequestContext | AuditActor, change: AuditChange & { requestId?: string }): Promise<AuditEntry> {
    const [entry] = await this.write(by, [change]);
    return entry!;
  }

  /** Several entries of one action (a bulk approval), written in one command. */
  recordMany(ctx: RequestContext, changes: readonly AuditChange[]): Promise<AuditEntry[]>;
  recordMany(actor: AuditActor, changes: readonly (AuditChange & { requestId?: string })[]): Promise<AuditEntry[]>;
  recordMany(by: RequestContext | AuditActor, changes: readonly (AuditChange & { requestId?: string })[]): Promise<AuditEntry[]> {
    return this.write(by, changes);
  }

  /** Entries matching `filter`, newest first; `cursor` is the nextCursor of the previous page. */
  async page(filter: Omit<AuditFilter, 'after'>, options: { limit: number; cursor?: string }): Promise<AuditPage> {
    const after = options.cursor === undefined ? undefined : parseTimeIdCursor(options.cursor, AUDIT_ID_PATTERN);
    if (options.cursor !== undefined && !after)
      throw new ValidationError('the cursor is not one this API gave', [{ path: 'query.cursor', message: 'unknown cursor' }]);
    const found = await this.entries.find({ ...filter, ...(after ? { after } : {}) }, options.limit + 1);
    const items = found.slice(0, options.limit);
    const last = items[items.length - 1];
    return { items: items.map(toAuditEntry), nextCursor: found.length > options.limit && last ? timeIdCursor(last.at, last._id) : null };
  }

  private async write(by: RequestContext | AuditActor, changes: readonly (AuditChange & { requestId?: string })[]): Promise<AuditEntry[]> {
    const at = this.clock.now();
    const documents = changes.map(({ requestId, ...change }) =>
      by instanceof RequestContext ? newAuditEntry(requestActor(by), change, at, by.correlationId) : newAuditEntry(by, change, at, requestId),
    );
    await this.entries.appendMany(documents);
    return documents.map(toAuditEntry);
  }
}

/** The request's caller; a context without one is a programming error (a public route, or a consumer's context). */
function requestActor(ctx: RequestContext): AuditActor {
  if (!ctx.principal) throw new Error('audit: this request has no authenticated caller; outside a request, record with an explicit actor');
  return actorOf(ctx.principal);
}
