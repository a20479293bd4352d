import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext, StaffPrincipal } from '@supply-hub/auth';
import { CurateProducts } from '@supply-hub/catalog-application';
import { MongoCurationActionStore } from '@supply-hub/catalog-data-access';
import { curationTargetOf, planBulkCuration } from '@supply-hub/catalog-domain';
import { ConflictError, DependencyUnavailableError, NotFoundError, ValidationError } from '@supply-hub/errors';
import { ApiProblemResponses, Ctx, CurrentStaff, StaffAuth } from '@supply-hub/http';
import { AuditLog } from '@supply-hub/platform';
import { Logger } from 'nestjs-pino';
import { CatalogSearchService } from '../catalog/catalog-search.service';
import { BULK_ACTION_PREFIX, type BulkCurationInput, bulkCurationSchema, curationActionIdSchema } from './curation-bulk.dto';

/** One action's SKU list is one document: bounded well below the 16 MB document limit. */
const MAX_BULK_SKUS = 50_000;
const SAMPLE = 20;

/** The filter selects another number of SKUs than the dry run the caller confirmed. */
class BulkSelectionChangedError extends ConflictError {
  override readonly code = 'bulk-selection-changed';
}

/**
 * Bulk decisions by filter (brand, supplier, category, price range, status): a dry run says how many SKUs
 * the action would move and why it leaves the others; the run names that count, so a filter that selects
 * more than the person saw does nothing. A run is recorded before it is answered (202) and carried out in
 * the background; a crash midway is finished by curation recovery. Each SKU moved gets its audit entry.
 */
@ApiTags('curation')
@StaffAuth('curator', 'quality', 'admin')
@Controller('curation')
export class CurationBulkController {
  constructor(
    private readonly search: CatalogSearchService,
    private readonly curate: CurateProducts,
    private readonly actions: MongoCurationActionStore,
    private readonly audit: AuditLog,
    private readonly logger: Logger,
  ) {}

  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve, reject, suspend, delist, reinstate or review every SKU a filter selects: dryRun first, then confirm its count',
    description: '200 with the plan for a dry run; 202 with the action id for a run (GET /curation/actions/{id} follows it).',
  })
  @ApiProblemResponses(400, 409, 503)
  async bulk(
    @Ctx() ctx: RequestContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Body({ schema: bulkCurationSchema }) body: BulkCurationInput,
    @Res({ passthrough: true }) response: { status(code: number): unknown },
  ) {
    if (!this.search.enabled)
      throw new DependencyUnavailableError('this catalog-sync instance keeps no catalog index (CATALOG_SEARCH_INDEX=false); ask one that does');
    if (!this.search.isReady) throw new DependencyUnavailableError('the catalog index is still loading; try again in a few seconds');
    const selected = this.search.index.selectKnown(body.filter);
    const plan = planBulkCuration(selected, body.action);
    const summary = {
      matched: plan.matched,
      applicable: plan.applicable.length,
      to: curationTargetOf(body.action),
      byStatus: plan.byStatus,
      skipped: plan.skipped,
      sample: plan.applicable.slice(0, SAMPLE),
    };
    if (body.dryRun) return { dryRun: true, action: body.action, ...summary };

    if (body.confirmCount === undefined)
      throw new ValidationError('a bulk action names the count its dry run gave', [
        { path: 'confirmCount', message: `required to act; the dry run now gives ${plan.applicable.length}` },
      ]);
    if (body.confirmCount !== plan.applicable.length)
      throw new BulkSelectionChangedError(
        `the filter now selects ${plan.applicable.length} SKUs to ${body.action}, not ${body.confirmCount}; run the dry run again`,
        {
          applicable: plan.applicable.length,
        },
      );
    if (plan.applicable.length > MAX_BULK_SKUS)
      throw new ValidationError(`at most ${MAX_BULK_SKUS} SKUs per bulk action; narrow the filter`, [
        { path: 'filter', message: `selects ${plan.applicable.length}` },
      ]);

    const actionId = `${BULK_ACTION_PREFIX}${randomUUID()}`;
    const statusOf = new Map(selected.map((sku) => [sku.skuId, sku.curationStatus]));
    const { done } = await this.curate.start({ actionId, skuIds: plan.applicable, action: body.action, reason: body.reason, by: staff.sub, at: new Date() });
    await this.audit.record(ctx, {
      action: 'curation.bulk',
      entity: { kind: 'curation-action', id: actionId },
      after: { filter: body.filter, action: body.action, skus: plan.applicable.length },
      reason: body.reason,
    });
    void done
      .then((outcome) =>
        this.audit.recordMany(
          ctx,
          outcome.applied.map((skuId) => ({
            action: `sku.${body.action}`,
            entity: { kind: 'sku', id: skuId },
            before: { status: statusOf.get(skuId) },
            after: { status: curationTargetOf(body.action), bulkAction: actionId },
            reason: body.reason,
          })),
        ),
      )
      .catch((error: unknown) => this.logger.error({ err: error, actionId }, `bulk curation ${actionId} stopped; curation recovery finishes it`));
    response.status(202);
    return { dryRun: false, actionId, action: body.action, ...summary };
  }

  @Get('actions/:actionId')
  @ApiOperation({ summary: 'A curation action: running or done, and what it did (applied, refused with why, unknown SKUs)' })
  @ApiProblemResponses(400, 404)
  async action(@Param('actionId', { schema: curationActionIdSchema }) actionId: string) {
    const action = await this.actions.get(actionId);
    if (!action) throw new NotFoundError('curation action', actionId);
    return {
      actionId: action._id,
      action: action.action,
      state: action.state,
      skus: action.skuIds.length,
      by: action.by,
      at: action.at.toISOString(),
      reason: action.reason,
      ...(action.outcome
        ? {
            applied: action.outcome.applied.length,
            refused: action.outcome.refused.slice(0, 100),
            refusedCount: action.outcome.refused.length,
            unknown: action.outcome.unknown.slice(0, 100),
          }
        : {}),
    };
  }
}
