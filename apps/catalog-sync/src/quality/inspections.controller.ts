import { randomBytes } from 'node:crypto';
import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext, StaffPrincipal } from '@supply-hub/auth';
import { RecordSampleInspection } from '@supply-hub/catalog-application';
import { MongoInspectionStore } from '@supply-hub/catalog-data-access';
import { ApiProblemResponses, Ctx, CurrentStaff, Idempotent, StaffAuth } from '@supply-hub/http';
import { AuditLog } from '@supply-hub/platform';
import type { z } from 'zod';
import { auditChangesOf } from './inspection-audit';
import { inspectionView, listInspectionsQuerySchema, type NewInspectionInput, newInspectionSchema } from './inspections.dto';

/** Sample inspections (抽检): quality staff record pass / fail for a SKU or a batch; a failure suspends the SKUs. */
@ApiTags('quality')
@StaffAuth('quality', 'admin')
@Controller('quality/inspections')
export class InspectionsController {
  constructor(
    private readonly record: RecordSampleInspection,
    private readonly store: MongoInspectionStore,
    private readonly audit: AuditLog,
  ) {}

  @Post()
  @Idempotent()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Record a sample inspection of a SKU or a batch; a fail suspends its SKUs (SkuDelisted with the reason) and lowers their and their suppliers’ scores',
    description:
      'The answer names the SKUs suspended and those that could not be (already suspended, pending…). An unknown SKU is a 400 naming it, and nothing is recorded.',
  })
  @ApiProblemResponses(400)
  async create(@Ctx() ctx: RequestContext, @CurrentStaff() staff: StaffPrincipal, @Body({ schema: newInspectionSchema }) body: NewInspectionInput) {
    const { inspection, outcome } = await this.record.execute({ ...body, inspectionId: `insp_${randomBytes(10).toString('hex')}`, inspector: staff.sub, at: new Date() });
    await this.audit.recordMany(ctx, auditChangesOf(inspection, outcome));
    return { ...inspectionView((await this.store.get(inspection.inspectionId))!), suspended: outcome.suspended, notSuspended: outcome.notSuspended };
  }

  @Get()
  @StaffAuth('quality', 'curator', 'admin')
  @ApiOperation({ summary: 'Sample inspections, newest first; of one SKU with skuId' })
  @ApiProblemResponses(400)
  async list(@Query({ schema: listInspectionsQuerySchema }) query: z.output<typeof listInspectionsQuerySchema>) {
    return { items: (await this.store.list({ ...(query.skuId ? { skuId: query.skuId } : {}) }, query.limit)).map(inspectionView) };
  }
}
