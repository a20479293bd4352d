import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseActions, OpenCase } from '@supply-hub/aftersales-application';
import { CaseStore } from '@supply-hub/aftersales-data-access';
import { NotFoundError, ValidationError } from '@supply-hub/errors';
import { ApiProblemResponses, CurrentTenant, TenantAuth } from '@supply-hub/http';
import type { z } from 'zod';
import { type CaseListQuery, caseIdSchema, caseListQuerySchema, type CaseRequestInput, caseRequestSchema, optionalNoteSchema, returnShipmentSchema } from './cases.dto';
import { caseCursorOf, caseView, parseCaseCursor } from './case-view';

/** A mall's after-sales cases: opened, read, listed, withdrawn, its return parcel reported, the outcome confirmed. */
@ApiTags('cases')
@TenantAuth()
@Controller('cases')
export class MallCasesController {
  constructor(
    private readonly openCase: OpenCase,
    private readonly actions: CaseActions,
    private readonly cases: CaseStore,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Open a case on an order line (return, exchange, damaged, missing, wrong item, quality, invalid code)',
    description:
      'Idempotent on mallCaseId: the same id and body answer 200 with the case as it is; the same id with another body is a 409. ' +
      'A quantity above what was delivered minus other cases is a 400; a window passed, nothing delivered yet or goods not returnable a 409 (case-refused).',
  })
  @ApiProblemResponses(400, 404, 409)
  async open(
    @CurrentTenant() tenantId: string,
    @Body({ schema: caseRequestSchema }) body: CaseRequestInput,
    @Res({ passthrough: true }) response: { status(code: number): unknown; setHeader(name: string, value: string): unknown },
  ) {
    const opened = await this.openCase.execute(tenantId, body);
    response.status(opened.created ? 201 : 200);
    response.setHeader('Location', `/cases/${opened.case._id}`);
    return caseView(opened.case);
  }

  @Get()
  @ApiOperation({ summary: "The mall's cases, newest first, by status, kind or order; cursor-paged" })
  @ApiProblemResponses(400)
  async list(@CurrentTenant() tenantId: string, @Query({ schema: caseListQuerySchema }) query: CaseListQuery) {
    const before = query.cursor === undefined ? undefined : parseCaseCursor(query.cursor);
    if (query.cursor !== undefined && !before) throw new ValidationError('the cursor is not one this API gave', [{ path: 'cursor', message: 'unknown cursor' }]);
    const page = await this.cases.list({ tenantId, status: query.status, kind: query.kind, orderId: query.orderId, before }, query.limit + 1);
    const items = page.slice(0, query.limit);
    return { items: items.map(caseView), nextCursor: page.length > query.limit ? caseCursorOf(items[items.length - 1]!) : null };
  }

  @Get(':caseId')
  @ApiOperation({ summary: 'One case: status, return parcel, inspection, refund / replacement / reissue, and its timeline' })
  @ApiProblemResponses(404)
  async get(@CurrentTenant() tenantId: string, @Param('caseId', { schema: caseIdSchema }) caseId: string) {
    const aCase = await this.cases.get(tenantId, caseId);
    if (!aCase) throw new NotFoundError('case', caseId);
    return caseView(aCase);
  }

  @Post(':caseId/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a case nobody has decided yet; its units are free for another case' })
  @ApiProblemResponses(404, 409)
  async withdraw(
    @CurrentTenant() tenantId: string,
    @Param('caseId', { schema: caseIdSchema }) caseId: string,
    @Body({ schema: optionalNoteSchema }) body: z.output<typeof optionalNoteSchema>,
  ) {
    return caseView(await this.actions.withdraw(tenantId, caseId, body.note));
  }

  @Post(':caseId/return-shipment')
  @HttpCode(200)
  @ApiOperation({ summary: 'The member sent the return parcel to the warehouse on the label: carrier and tracking number' })
  @ApiProblemResponses(400, 404, 409)
  async returnShipped(
    @CurrentTenant() tenantId: string,
    @Param('caseId', { schema: caseIdSchema }) caseId: string,
    @Body({ schema: returnShipmentSchema }) body: z.output<typeof returnShipmentSchema>,
  ) {
    return caseView(await this.actions.returnShipped(tenantId, caseId, body));
  }

  @Post(':caseId/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the outcome of a resolved or rejected case: it is closed' })
  @ApiProblemResponses(404, 409)
  async confirm(
    @CurrentTenant() tenantId: string,
    @Param('caseId', { schema: caseIdSchema }) caseId: string,
    @Body({ schema: optionalNoteSchema }) body: z.output<typeof optionalNoteSchema>,
  ) {
    return caseView(await this.actions.confirm(tenantId, caseId, body.note));
  }
}
