import type { IncomingMessage } from 'node:http';
import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Req } from '@nestjs/common';
import { ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext, StaffPrincipal } from '@supply-hub/auth';
import { CurationRulesCache, EnforceQualifications, RecordQualifications } from '@supply-hub/catalog-application';
import { MongoQualificationStore } from '@supply-hub/catalog-data-access';
import { brandKeyOf, type QualificationInput, qualificationInputSchema, QualificationSet, readQualificationCsv } from '@supply-hub/catalog-domain';
import { ConflictError, ValidationError } from '@supply-hub/errors';
import { ApiProblemResponses, Ctx, CurrentStaff, Idempotent, readCsvBody, StaffAuth } from '@supply-hub/http';
import { AuditLog } from '@supply-hub/platform';
import type { z } from 'zod';
import {
  expiringListSchema,
  expiringQuerySchema,
  type ListQualificationsQuery,
  listQualificationsQuerySchema,
  qualificationImportSchema,
  qualificationListSchema,
  qualificationView,
  recordedQualificationSchema,
} from './qualifications.dto';

/** 5,000 rows of a few hundred bytes each. */
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

class QualificationExistsError extends ConflictError {
  override readonly code = 'qualification-exists';
}

/**
 * Supplier qualifications: quality staff (and admins) record business licences and brand authorisations,
 * one at a time or as a CSV; curators and operations read them. Recording one that covers a supplier
 * again reinstates the SKUs its lapse had suspended, in the same request.
 */
@ApiTags('qualifications')
@StaffAuth('quality', 'admin')
@Controller('qualifications')
export class QualificationsController {
  constructor(
    private readonly record: RecordQualifications,
    private readonly enforce: EnforceQualifications,
    private readonly store: MongoQualificationStore,
    private readonly audit: AuditLog,
    private readonly rules: CurationRulesCache,
  ) {}

  @Post()
  @Idempotent()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Record a business licence or a brand authorisation of a supplier; a renewal reinstates the SKUs the lapse suspended',
    description: '400 naming the field (validUntil before validFrom, no brand on an authorisation); 409 when the same document is recorded already.',
  })
  @ApiCreatedResponse({ standardSchema: recordedQualificationSchema })
  @ApiProblemResponses(400, 409)
  async add(@Ctx() ctx: RequestContext, @CurrentStaff() staff: StaffPrincipal, @Body({ schema: qualificationInputSchema }) body: QualificationInput) {
    const { recorded, existing } = await this.record.execute([body], staff.sub, new Date());
    const qualification = recorded[0];
    if (!qualification) throw new QualificationExistsError(`this ${body.kind} of ${body.supplierId} is recorded already as ${existing[0]!.id}`, { id: existing[0]!.id });
    await this.audit.record(ctx, { action: 'qualification.record', entity: { kind: 'qualification', id: qualification.id }, after: qualificationView(qualification) });
    // New SKUs from this supplier count as qualified at once on this instance (other instances: next refresh).
    await this.rules.refresh();
    return { qualification: qualificationView(qualification), restoredSkuIds: await this.enforce.restore() };
  }

  @Post('import')
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('text/csv')
  @ApiOperation({
    summary: 'Import qualifications from CSV (supplierId,kind,brand,validFrom,validUntil,documentRef); all rows or none',
    description: 'Every row is checked first: any broken row is a 400 listing each problem as `row <n>.<field>` (the header is row 1), and nothing is recorded. Rows recorded before are counted, not doubled.',
  })
  @ApiOkResponse({ standardSchema: qualificationImportSchema })
  @ApiProblemResponses(400)
  async import(@Ctx() ctx: RequestContext, @CurrentStaff() staff: StaffPrincipal, @Req() request: IncomingMessage): Promise<z.output<typeof qualificationImportSchema>> {
    const reading = readQualificationCsv(await readCsvBody(request, { maxBytes: MAX_IMPORT_BYTES, what: 'the qualifications' }));
    if (!reading.ok) throw new ValidationError(`the CSV has ${reading.issues.length} problem(s); nothing was recorded`, reading.issues);
    const { recorded, existing } = await this.record.execute(reading.rows, staff.sub, new Date());
    if (recorded.length > 0) {
      await this.audit.recordMany(
        ctx,
        recorded.map((qualification) => ({ action: 'qualification.import', entity: { kind: 'qualification', id: qualification.id }, after: qualificationView(qualification) })),
      );
    }
    await this.rules.refresh();
    return { recorded: recorded.length, alreadyRecorded: existing.length, restoredSkuIds: await this.enforce.restore() };
  }

  @Get()
  @StaffAuth('quality', 'admin', 'curator', 'operations')
  @ApiOperation({ summary: 'Qualifications by supplier and brand (a brand also lists the licences), latest validUntil first' })
  @ApiOkResponse({ standardSchema: qualificationListSchema })
  @ApiProblemResponses(400)
  async list(@Query({ schema: listQualificationsQuerySchema }) query: ListQualificationsQuery): Promise<z.output<typeof qualificationListSchema>> {
    const key = query.brand === undefined ? undefined : brandKeyOf(query.brand);
    const items = (await this.store.all())
      .filter((qualification) => query.supplierId === undefined || qualification.supplierId === query.supplierId)
      .filter((qualification) => key === undefined || qualification.kind === 'business-licence' || brandKeyOf(qualification.brand) === key)
      .sort((a, b) => b.validUntil.localeCompare(a.validUntil) || a.id.localeCompare(b.id));
    return { items: items.map(qualificationView) };
  }

  @Get('expiring')
  @StaffAuth('quality', 'admin', 'curator', 'operations')
  @ApiOperation({ summary: 'The warning list: documents valid today whose cover ends within withinDays (default 30) with no renewal recorded, soonest first' })
  @ApiOkResponse({ standardSchema: expiringListSchema })
  @ApiProblemResponses(400)
  async expiring(@Query({ schema: expiringQuerySchema }) query: z.output<typeof expiringQuerySchema>): Promise<z.output<typeof expiringListSchema>> {
    const set = new QualificationSet(await this.store.all());
    return {
      withinDays: query.withinDays,
      items: set.expiring(new Date(), query.withinDays).map((item) => ({ qualification: qualificationView(item.qualification), daysLeft: item.daysLeft })),
    };
  }
}
