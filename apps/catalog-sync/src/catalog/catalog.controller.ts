import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@supply-hub/auth';
import { MongoCatalogStore } from '@supply-hub/catalog-data-access';
import { NotFoundError } from '@supply-hub/errors';
import { ApiProblemResponses, CurrentPrincipal, StaffAuth, TenantAuth } from '@supply-hub/http';
import type { z } from 'zod';
import { type CatalogQueryInput, catalogPageSchema, catalogQuerySchema, catalogSkuSchema, skuIdSchema } from './catalog.dto';
import { ActiveBlacklistService } from '../blacklist/active-blacklist.service';
import { SelectionPoolsService } from '../pools/selection-pools.service';
import { catalogItemOf } from './catalog-item';
import { bestOfferSourceOf, CatalogSearchService } from './catalog-search.service';
import { PointsBands } from './points-bands';

/**
 * The curated catalog as malls browse it: sellable SKUs only, one contract price each (and its points
 * price and band), the offers behind it hidden. A mall with a selection pool (选品池) sees only its pool,
 * judged on the SKU's current values, and a SKU outside it is a 404 like an unknown one; a mall without
 * a pool, and staff, see the whole sellable catalog.
 *
 * SKUs an active quality blacklist entry names are hidden here, at request time, rather than by
 * re-deriving the stored products' `sellable` flag (order-router applies the same entries to orders): an
 * entry such as a brand or a keyword would otherwise mean finding and rewriting its SKUs, which on
 * FerretDB is a scan of the whole catalog, and the entry must take effect at once.
 */
@ApiTags('catalog')
@TenantAuth()
@StaffAuth('curator', 'operations', 'admin')
@Controller('catalog/skus')
export class CatalogController {
  constructor(
    private readonly search: CatalogSearchService,
    private readonly store: MongoCatalogStore,
    private readonly blacklist: ActiveBlacklistService,
    private readonly pools: SelectionPoolsService,
    private readonly bands: PointsBands,
  ) {}

  @Get()
  @Header('Cache-Control', 'private, max-age=5')
  @ApiOperation({ summary: 'Browse and search the sellable catalog (a mall: its selection pool); cursor-paged; band filters by points band' })
  @ApiOkResponse({ standardSchema: catalogPageSchema })
  @ApiProblemResponses(400, 503)
  list(@CurrentPrincipal() caller: Principal, @Query({ schema: catalogQuerySchema }) query: CatalogQueryInput): z.output<typeof catalogPageSchema> {
    this.search.assertServing();
    const { band, ...filters } = query;
    const prices = band ? this.bands.narrowPrice(band, filters) : {};
    if (!prices) return { items: [], nextCursor: null };
    const visible = this.pools.membershipFor(caller);
    const page = this.search.index.query({ ...filters, ...prices, blacklist: this.blacklist.list, ...(visible ? { visible } : {}) });
    return { items: page.items.map((listing) => catalogItemOf(listing, this.bands)), nextCursor: page.nextCursor };
  }

  @Get(':skuId')
  @ApiOperation({ summary: 'One SKU: details, contract price, points price and band, market reference price (a mall: 404 outside its pool)' })
  @ApiOkResponse({ standardSchema: catalogSkuSchema })
  @ApiProblemResponses(404)
  async get(@CurrentPrincipal() caller: Principal, @Param('skuId', { schema: skuIdSchema }) skuId: string): Promise<z.output<typeof catalogSkuSchema>> {
    const product = await this.store.products.findOne({ _id: skuId });
    if (!product) throw new NotFoundError('SKU', skuId);
    const { state } = product;
    // Outside the caller's pool reads exactly like an unknown SKU: a mall cannot learn what others sell.
    if (this.pools.membershipFor(caller)?.(state) === false) throw new NotFoundError('SKU', skuId);
    const { supplierSourceId } = bestOfferSourceOf(state);
    const blacklisted = this.blacklist.list.firstMatch({
      skuId: state.skuId,
      brand: state.brand,
      categoryFamily: state.categoryFamily,
      subcategory: state.subcategory,
      title: state.title,
      supplierSourceIds: supplierSourceId ? [supplierSourceId] : [],
    });
    return {
      skuId: state.skuId,
      title: state.title,
      ...(state.brand ? { brand: state.brand } : {}),
      ...(state.model ? { model: state.model } : {}),
      categoryFamily: state.categoryFamily,
      subcategory: state.subcategory,
      specs: state.specs,
      images: state.images,
      ...(state.barcode ? { barcode: state.barcode } : {}),
      contractPriceFen: state.contractPriceFen,
      marketPriceFen: state.marketPriceFen,
      ...this.bands.pricing(state.contractPriceFen),
      stock: state.stock,
      // Shown like any SKU that cannot be sold now (a delisted one answers the same way); why stays internal.
      sellable: state.sellable && blacklisted === undefined,
      version: product.version,
    };
  }
}
