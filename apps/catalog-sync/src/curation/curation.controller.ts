import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext, StaffPrincipal } from '@supply-hub/auth';
import { CurateProducts } from '@supply-hub/catalog-application';
import { MongoCatalogStore } from '@supply-hub/catalog-data-access';
import { CURATION_ACTIONS, type CurationAction, curationStatusOf, type ProductState } from '@supply-hub/catalog-domain';
import { ConflictError, NotFoundError } from '@supply-hub/errors';
import { ApiProblemResponses, Ctx, CurrentStaff, StaffAuth } from '@supply-hub/http';
import { AuditLog } from '@supply-hub/platform';
import { z } from 'zod';

const skuIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'must be 1–64 letters, digits or . _ : -');
const actionSchema = z.enum(CURATION_ACTIONS);
const decisionSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });

/** A decision the state machine does not allow from where the SKU is. */
class CurationRefusedError extends ConflictError {
  override readonly code = 'curation-refused';
}

/** What curation shows of a SKU: its decision and whether it sells, and why not. */
function curationView(state: ProductState, version: number) {
  return {
    skuId: state.skuId,
    title: state.title,
    status: curationStatusOf(state),
    ...(state.curation ? { decision: state.curation } : {}),
    sellable: state.sellable,
    delistedReason: state.delistedReason,
    version,
  };
}

/** Staff's decisions on SKUs: approve, reject, suspend, delist, reinstate, put back for review; each audited. */
@ApiTags('curation')
@StaffAuth('curator', 'quality', 'admin')
@Controller('curation/skus')
export class CurationController {
  constructor(
    private readonly curate: CurateProducts,
    private readonly catalog: MongoCatalogStore,
    private readonly audit: AuditLog,
  ) {}

  @Get(':skuId')
  @ApiOperation({ summary: 'A SKU’s curation: status (pending, approved, rejected, suspended, delisted), the decision, sellable and why not' })
  @ApiProblemResponses(404)
  async get(@Param('skuId', { schema: skuIdSchema }) skuId: string) {
    const stored = (await this.catalog.readProducts([skuId])).get(skuId);
    if (!stored) throw new NotFoundError('SKU', skuId);
    return curationView(stored.state, stored.version);
  }

  @Post(':skuId/:action')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decide on a SKU: approve / reject (pending), suspend / delist (approved), reinstate (suspended), review (rejected, delisted); with the reason',
    description:
      'A suspension or delisting reaches order-router (which refuses the SKU) and the mall catalog as SkuDelisted with the reason. A move the SKU cannot make is a 409.',
  })
  @ApiProblemResponses(400, 404, 409)
  async decide(
    @Ctx() ctx: RequestContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('skuId', { schema: skuIdSchema }) skuId: string,
    @Param('action', { schema: actionSchema }) action: CurationAction,
    @Body({ schema: decisionSchema }) body: z.output<typeof decisionSchema>,
  ) {
    const before = (await this.catalog.readProducts([skuId])).get(skuId);
    if (!before) throw new NotFoundError('SKU', skuId);
    const outcome = await this.curate.execute({ actionId: randomUUID(), skuIds: [skuId], action, reason: body.reason, by: staff.sub, at: new Date() });
    const refused = outcome.refused[0];
    if (refused) throw new CurationRefusedError(`SKU ${skuId}: ${refused.reason}`, { skuId });
    if (outcome.unknown.length > 0) throw new NotFoundError('SKU', skuId);
    const after = (await this.catalog.readProducts([skuId])).get(skuId)!;
    await this.audit.record(ctx, {
      action: `sku.${action}`,
      entity: { kind: 'sku', id: skuId },
      before: { status: curationStatusOf(before.state), sellable: before.state.sellable },
      after: { status: curationStatusOf(after.state), sellable: after.state.sellable },
      reason: body.reason,
    });
    return curationView(after.state, after.version);
  }
}
