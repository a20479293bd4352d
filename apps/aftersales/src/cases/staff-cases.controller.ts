import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext, StaffPrincipal } from '@supply-hub/auth';
import { CaseActions } from '@supply-hub/aftersales-application';
import { type CaseDocument, CaseStore } from '@supply-hub/aftersales-data-access';
import { NotFoundError, ValidationError } from '@supply-hub/errors';
import { ApiProblemResponses, Ctx, CurrentStaff, StaffAuth } from '@supply-hub/http';
import { AuditLog } from '@supply-hub/platform';
import type { z } from 'zod';
import { approveSchema, caseIdSchema, noteSchema, optionalNoteSchema, rejectSchema, type StaffQueueQuery, staffQueueQuerySchema } from './cases.dto';
import { caseCursorOf, parseCaseCursor, staffCaseView } from './case-view';

/** Staff's case work: the queue across malls with filters, and every decision on a case (each one audited). */
@ApiTags('cases (staff)')
@StaffAuth('operations', 'quality', 'admin')
@Controller('staff/cases')
export class StaffCasesController {
  constructor(
    private readonly actions: CaseActions,
    private readonly cases: CaseStore,
    private readonly audit: AuditLog,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The case queue, newest first: by status, kind, mall, order, escalated or not; cursor-paged' })
  @ApiProblemResponses(400)
  async queue(@Query({ schema: staffQueueQuerySchema }) query: StaffQueueQuery) {
    const before = query.cursor === undefined ? undefined : parseCaseCursor(query.cursor);
    if (query.cursor !== undefined && !before) throw new ValidationError('the cursor is not one this API gave', [{ path: 'cursor', message: 'unknown cursor' }]);
    const page = await this.cases.list(
      { tenantId: query.tenantId, status: query.status, kind: query.kind, orderId: query.orderId, escalated: query.escalated, before },
      query.limit + 1,
    );
    const items = page.slice(0, query.limit);
    return { items: items.map(staffCaseView), nextCursor: page.length > query.limit ? caseCursorOf(items[items.length - 1]!) : null };
  }

  @Get('report')
  @ApiOperation({ summary: 'Cases per status, and the escalated cases still waiting for their first response' })
  async report() {
    const [byStatus, escalated] = await Promise.all([this.cases.countByStatus(), this.cases.list({ escalated: true, status: 'opened' }, 200)]);
    return { byStatus, escalatedWaiting: escalated.map(staffCaseView) };
  }

  @Get(':caseId')
  @ApiOperation({ summary: 'One case, of any mall' })
  @ApiProblemResponses(404)
  async get(@Param('caseId', { schema: caseIdSchema }) caseId: string) {
    const aCase = await this.cases.getAny(caseId);
    if (!aCase) throw new NotFoundError('case', caseId);
    return staffCaseView(aCase);
  }

  @Post(':caseId/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Uphold the case: a return label is issued, or the refund / replacement / reissue starts' })
  @ApiProblemResponses(400, 404, 409)
  async approve(
    @Ctx() ctx: RequestContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId', { schema: caseIdSchema }) caseId: string,
    @Body({ schema: approveSchema }) body: z.output<typeof approveSchema>,
  ) {
    return this.audited(ctx, 'case.approve', caseId, body.note, () => this.actions.approve(caseId, staff.sub, body));
  }

  @Post(':caseId/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject the case with a reason the mall sees; its units are free again' })
  @ApiProblemResponses(400, 404, 409)
  async reject(
    @Ctx() ctx: RequestContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId', { schema: caseIdSchema }) caseId: string,
    @Body({ schema: rejectSchema }) body: z.output<typeof rejectSchema>,
  ) {
    return this.audited(ctx, 'case.reject', caseId, body.reason, () => this.actions.reject(caseId, staff.sub, body.reason));
  }

  @Post(':caseId/refund-instead')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refund a case whose replacement or reissue is not coming, with the reason; once per case' })
  @ApiProblemResponses(400, 404, 409)
  async refundInstead(
    @Ctx() ctx: RequestContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId', { schema: caseIdSchema }) caseId: string,
    @Body({ schema: rejectSchema }) body: z.output<typeof rejectSchema>,
  ) {
    return this.audited(ctx, 'case.refund-instead', caseId, body.reason, () => this.actions.refundInstead(caseId, staff.sub, body.reason));
  }

  @Post(':caseId/notes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add a note (asking for photos, explaining a delay); it counts as the first response' })
  @ApiProblemResponses(400, 404)
  async note(
    @Ctx() ctx: RequestContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId', { schema: caseIdSchema }) caseId: string,
    @Body({ schema: noteSchema }) body: z.output<typeof noteSchema>,
  ) {
    return this.audited(ctx, 'case.note', caseId, body.note, () => this.actions.note(caseId, staff.sub, body.note));
  }

  @Post(':caseId/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a resolved or rejected case' })
  @ApiProblemResponses(404, 409)
  async close(
    @Ctx() ctx: RequestContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId', { schema: caseIdSchema }) caseId: string,
    @Body({ schema: optionalNoteSchema }) body: z.output<typeof optionalNoteSchema>,
  ) {
    return this.audited(ctx, 'case.close', caseId, body.note, () => this.actions.close(caseId, staff.sub, body.note));
  }

  /**
   * Acts, then records the action with the case's state before and after (the actor is the request's
   * caller). Only an action that took effect is recorded: a refused one throws before the record. The
   * state before is read just before acting, by id; the versions tell whether it is exactly what the
   * action changed: one apart, the action's own write followed that read (equal, it changed nothing);
   * further apart, another change (a Kafka event, a colleague) came between, and the case's timeline has it.
   */
  private async audited(ctx: RequestContext, action: string, caseId: string, reason: string | undefined, act: () => Promise<CaseDocument>) {
    const seen = await this.cases.getAny(caseId);
    const after = await act();
    await this.audit.record(ctx, {
      action,
      entity: { kind: 'case', id: caseId },
      ...(seen ? { before: auditedState(seen) } : {}),
      after: auditedState(after),
      ...(reason === undefined ? {} : { reason }),
    });
    return staffCaseView(after);
  }
}

/** What staff actions change on a case, as the audit log records it. */
function auditedState(aCase: CaseDocument) {
  return { status: aCase.status, resolution: aCase.resolution, version: aCase.version };
}
