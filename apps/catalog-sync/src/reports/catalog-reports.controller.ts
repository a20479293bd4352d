import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CATALOG_MIX_PRESETS, catalogMixOf, isoWeekOf, isoWeekRange, newArrivalsOf, pointsBandOf } from '@supply-hub/catalog-domain';
import { ApiProblemResponses, StaffAuth } from '@supply-hub/http';
import type { z } from 'zod';
import { catalogItemOf } from '../catalog/catalog-item';
import { PointsBands } from '../catalog/points-bands';
import { CatalogScopes } from '../pools/catalog-scope.service';
import { type MixQuery, mixQuerySchema, mixReportSchema, type NewArrivalsQuery, newArrivalsQuerySchema, newArrivalsSchema } from './catalog-reports.dto';

/**
 * Curation's reports over the sellable catalog as this instance's index holds it (blacklisted SKUs
 * left out), or over one mall's pool: what arrived in a week, and how the catalog's mix compares with
 * a target. Every staff role may read them.
 */
@ApiTags('reports')
@StaffAuth('curator', 'operations', 'quality', 'admin')
@Controller('reports')
export class CatalogReportsController {
  constructor(
    private readonly scopes: CatalogScopes,
    private readonly bands: PointsBands,
  ) {}

  @Get('new-arrivals')
  @ApiOperation({ summary: 'SKUs first listed in an ISO week (Beijing time) or since a time, sellable now, by category family, newest first' })
  @ApiOkResponse({ standardSchema: newArrivalsSchema })
  @ApiProblemResponses(400, 503)
  newArrivals(@Query({ schema: newArrivalsQuerySchema }) query: NewArrivalsQuery): z.output<typeof newArrivalsSchema> {
    const now = new Date();
    const week = query.since ? null : (query.week ?? isoWeekOf(now));
    const period = week ? isoWeekRange(week)! : { from: query.since!, to: now };
    const groups = newArrivalsOf(this.scopes.forMall(query.mallId).skus, period, query.limit);
    return {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      week,
      mallId: query.mallId ?? null,
      total: groups.reduce((sum, group) => sum + group.count, 0),
      families: groups.map((group) => ({ ...group, items: group.items.map((listing) => catalogItemOf(listing, this.bands)) })),
    };
  }

  @Get('mix')
  @ApiOperation({ summary: 'Catalog mix: count and share of each category family and points band among sellable SKUs, against a preset target mix' })
  @ApiOkResponse({ standardSchema: mixReportSchema })
  @ApiProblemResponses(400, 503)
  mix(@Query({ schema: mixQuerySchema }) query: MixQuery): z.output<typeof mixReportSchema> {
    const preset = CATALOG_MIX_PRESETS[query.preset];
    const scope = this.scopes.forMall(query.mallId);
    const policy = this.bands.policy;
    const skus = (function* () {
      for (const sku of scope.skus) yield { categoryFamily: sku.categoryFamily, band: pointsBandOf(sku.contractPriceFen, policy) };
    })();
    return {
      preset: { id: preset.id, label: preset.label, description: preset.description },
      mallId: query.mallId ?? null,
      poolVersion: scope.pool?.version ?? null,
      ...catalogMixOf(skus, preset),
    };
  }
}
