import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext, StaffPrincipal } from '@supply-hub/auth';
import type { CatalogListing } from '@supply-hub/catalog-application';
import { SaveSelectionPool } from '@supply-hub/catalog-application';
import { MongoSelectionPoolStore } from '@supply-hub/catalog-data-access';
import {
  INDUSTRY_TEMPLATE_IDS,
  INDUSTRY_TEMPLATES,
  POINTS_BANDS,
  pointsBandOf,
  poolMembership,
  type SelectionPool,
  type SelectionPoolDefinition,
} from '@supply-hub/catalog-domain';
import { CATEGORY_FAMILIES } from '@supply-hub/contracts';
import { NotFoundError } from '@supply-hub/errors';
import { ApiProblemResponses, Ctx, CurrentStaff, StaffAuth } from '@supply-hub/http';
import { AuditLog } from '@supply-hub/platform';
import type { z } from 'zod';
import { PointsBands } from '../catalog/points-bands';
import { CatalogScopes } from './catalog-scope.service';
import {
  mallIdSchema,
  type PoolInput,
  poolInputSchema,
  poolListSchema,
  type PoolPreview,
  poolPreviewSchema,
  type PoolView,
  poolViewSchema,
  templateListSchema,
} from './pools.dto';
import { SelectionPoolsService } from './selection-pools.service';

/**
 * Selection pools (选品池): which part of the catalog each mall sees. Curators and admins set them,
 * operations may read them; every write is in the audit log. A mall without a pool sees the whole
 * sellable catalog. Membership is judged on the catalog as it is now, so a pool follows the catalog.
 */
@ApiTags('pools')
@StaffAuth('curator', 'admin', 'operations')
@Controller('pools')
export class PoolsController {
  constructor(
    private readonly save: SaveSelectionPool,
    private readonly store: MongoSelectionPoolStore,
    private readonly pools: SelectionPoolsService,
    private readonly scopes: CatalogScopes,
    private readonly bands: PointsBands,
    private readonly audit: AuditLog,
  ) {}

  @Get('templates')
  @ApiOperation({ summary: 'The industry templates a pool starts from (generic, finance 银行, retail, internet), with their filters' })
  @ApiOkResponse({ standardSchema: templateListSchema })
  templates(): z.output<typeof templateListSchema> {
    return { items: INDUSTRY_TEMPLATE_IDS.map((id) => INDUSTRY_TEMPLATES[id]) };
  }

  @Get()
  @ApiOperation({ summary: 'Every mall’s selection pool' })
  @ApiOkResponse({ standardSchema: poolListSchema })
  async list(): Promise<z.output<typeof poolListSchema>> {
    const pools = await this.store.all();
    return { items: pools.sort((a, b) => (a.mallId < b.mallId ? -1 : 1)).map(viewOf) };
  }

  @Get(':mallId')
  @ApiOperation({ summary: 'A mall’s selection pool: template, filters, includes, excludes, who changed it last (404: none, the mall sees everything)' })
  @ApiOkResponse({ standardSchema: poolViewSchema })
  @ApiProblemResponses(404)
  async get(@Param('mallId', { schema: mallIdSchema }) mallId: string): Promise<PoolView> {
    const pool = await this.store.get(mallId);
    if (!pool) throw new NotFoundError('selection pool', mallId);
    return viewOf(pool);
  }

  @Get(':mallId/preview')
  @ApiOperation({ summary: 'How many sellable SKUs the mall sees now through its pool, by family and points band' })
  @ApiOkResponse({ standardSchema: poolPreviewSchema })
  @ApiProblemResponses(503)
  preview(@Param('mallId', { schema: mallIdSchema }) mallId: string): PoolPreview {
    const scope = this.scopes.forMall(mallId);
    return this.previewOf(mallId, scope.pool ? definitionOf(scope.pool) : null, scope.skus);
  }

  @Post(':mallId/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dry run of a PUT: the pool the body describes and how many SKUs it would hold, nothing saved' })
  @ApiOkResponse({ standardSchema: poolPreviewSchema })
  @ApiProblemResponses(400, 503)
  async dryRun(@Param('mallId', { schema: mallIdSchema }) mallId: string, @Body({ schema: poolInputSchema }) body: PoolInput): Promise<PoolPreview> {
    const definition = await this.save.resolve(mallId, body);
    return this.previewOf(mallId, definition, this.scopes.admittedBy(poolMembership(definition, this.bands.policy)));
  }

  @Put(':mallId')
  @StaffAuth('curator', 'admin')
  @ApiOperation({
    summary: 'Set a mall’s selection pool from a template and/or filters, includes and excludes; in force on every instance within seconds',
    description:
      'The body is the whole pool: filters absent means the template’s. 400 naming the field for an unknown or contradictory SKU id; nothing saved then. A saved pool is announced (selection-pool-changed), and order-router refuses the mall’s orders for SKUs outside it.',
  })
  @ApiOkResponse({ standardSchema: poolViewSchema })
  @ApiProblemResponses(400)
  async put(
    @Ctx() ctx: RequestContext,
    @CurrentStaff() staff: StaffPrincipal,
    @Param('mallId', { schema: mallIdSchema }) mallId: string,
    @Body({ schema: poolInputSchema }) body: PoolInput,
  ): Promise<PoolView> {
    const { reason, ...input } = body;
    const written = await this.save.execute(mallId, input, staff.sub);
    this.pools.apply(written.after);
    await this.audit.record(ctx, {
      action: 'pool.save',
      entity: { kind: 'pool', id: mallId },
      before: written.before ? definitionOf(written.before) : null,
      after: definitionOf(written.after),
      ...(reason ? { reason } : {}),
    });
    return viewOf(written.after);
  }

  private previewOf(mallId: string, pool: SelectionPoolDefinition | null, skus: Iterable<CatalogListing>): PoolPreview {
    const families = Object.fromEntries(CATEGORY_FAMILIES.map((family) => [family, 0])) as PoolPreview['families'];
    const bands = Object.fromEntries(POINTS_BANDS.map((band) => [band, 0])) as PoolPreview['bands'];
    let count = 0;
    for (const sku of skus) {
      count++;
      families[sku.categoryFamily]++;
      bands[pointsBandOf(sku.contractPriceFen, this.bands.policy)]++;
    }
    return { mallId, pool, count, families, bands };
  }
}

function definitionOf(pool: SelectionPoolDefinition): SelectionPoolDefinition {
  return { template: pool.template, filters: pool.filters, includes: pool.includes, excludes: pool.excludes };
}

function viewOf(pool: SelectionPool): PoolView {
  return { mallId: pool.mallId, ...definitionOf(pool), updatedBy: pool.updatedBy, updatedAt: pool.updatedAt.toISOString(), version: pool.version };
}
