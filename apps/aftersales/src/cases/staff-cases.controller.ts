import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StaffPrincipal } from '@supply-hub/auth';
import { CaseActions } from '@supply-hub/aftersales-application';
import { CaseStore } from '@supply-hub/aftersales-data-access';
import { NotFoundError, ValidationError } from '@supply-hub/errors';
import { ApiProblemResponses, CurrentStaff, StaffAuth } from '@supply-hub/http';
import type { z } from 'zod';
import { approveSchema, caseIdSchema, noteSchema, optionalNoteSchema, rejectSchema, type StaffQueueQuery, staffQueueQuerySchema } from './cases.dto';
import { caseCursorOf, parseCaseCursor, staffCaseView } from './case-view';

/** Staff's case work: the queue across malls with filters, and every decision on a case. */
@ApiTags('cases (staff)')
@StaffAuth('operations', 'quality', 'admin')
@Controller('staff/cases')
export class StaffCasesController {
  constructor(
    private readonly actions: CaseActions,
    private readonly cases: CaseStore,
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
  async approve(@CurrentStaff() staff: StaffPrincipal, @Param('caseId', { schema: caseIdSchema }) caseId: string, @Body({ schema: approveSchema }) body: z.output<typeof approveSchema>) {
    return staffCaseView(await this.actions.approve(caseId, staff.sub, body));
  }

  @Post(':caseId/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject the case with a reason the mall sees; its units are free again' })
  @ApiProblemResponses(400, 404, 409)
  async reject(@CurrentStaff() staff: StaffPrincipal, @Param('caseId', { schema: caseIdSchema }) caseId: string, @Body({ schema: rejectSchema }) body: z.output<typeof rejectSchema>) {
    return staffCaseView(await this.actions.reject(caseId, staff.sub, body.reason));
  }

  @Post(':caseId/notes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add a note (asking for photos, explaining a delay); it counts as the first response' })
  @ApiProblemResponses(400, 404)
  async note(@CurrentStaff() staff: StaffPrincipal, @Param('caseId', { schema: caseIdSchema }) caseId: string, @Body({ schema: noteSchema }) body: z.output<typeof noteSchema>) {
    return staffCaseView(await this.actions.note(caseId, staff.sub, body.note));
  }

  @Post(':caseId/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a resolved or rejected case' })
  @ApiProblemResponses(404, 409)
  async close(@CurrentStaff() staff: StaffPrincipal, @Param('caseId', { schema: caseIdSchema }) caseId: string, @Body({ schema: optionalNoteSchema }) body: z.output<typeof optionalNoteSchema>) {
    return staffCaseView(await this.actions.close(caseId, staff.sub, body.note));
  }
}
