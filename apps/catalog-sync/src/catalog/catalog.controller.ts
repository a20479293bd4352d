import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CatalogListing } from '@supply-hub/catalog-application';
import { MongoCatalogStore } from '@supply-hub/catalog-data-access';
import { DependencyUnavailableError, NotFoundError } from '@supply-hub/errors';
import { ApiProblemResponses, StaffAuth, TenantAuth } from '@supply-hub/http';
import type { z } from 'zod';
import { type CatalogQueryInput, catalogPageSchema, catalogQuerySchema, catalogSkuSchema, skuIdSchema } from './catalog.dto';
import { ActiveBlacklistService } from '../blacklist/active-blacklist.service';
import { bestOfferSourceOf, CatalogSearchService } from './catalog-search.service';

/**
 * The curated catalog as malls browse it: sellable SKUs only, one contract price each, the offers behind
 * it hidden. Every mall sees the whole sellable catalog until selection pools (选品池) narrow it.
 *
 * SKUs an active quality blacklist entry names are hidden here, at request time, rather than by
 * re-deriving the stored products' `sellable` flag (a later curation step adds holds to products): an
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
  ) {}

  @Get()
  @Header('Cache-Control', 'private, max-age=5')
  @ApiOperation({ summary: 'Browse and search the sellable catalog; cursor-paged' })
  @ApiOkResponse({ standardSchema: catalogPageSchema })
  @ApiProblemResponses(400, 503)
  list(@Query({ schema: catalogQuerySchema }) query: CatalogQueryInput): z.output<typeof catalogPageSchema> {
    if (!this.search.enabled)
      throw new DependencyUnavailableError('this catalog-sync instance is a sync worker and does not serve the catalog (CATALOG_SEARCH_INDEX=false)');
    if (!this.search.isReady) throw new DependencyUnavailableError('the catalog index is still loading; try again in a few seconds');
    const page = this.search.index.query({ ...query, blacklist: this.blacklist.list });
    return { items: page.items.map(itemOf), nextCursor: page.nextCursor };
  }

  @Get(':skuId')
  @ApiOperation({ summary: 'One SKU: details, contract price and market reference price' })
  @ApiOkResponse({ standardSchema: catalogSkuSchema })
  @ApiProblemResponses(404)
  async get(@Param('skuId', { schema: skuIdSchema }) skuId: string): Promise<z.output<typeof catalogSkuSchema>> {
    const product = await this.store.products.findOne({ _id: skuId });
    if (!product) throw new NotFoundError('SKU', skuId);
    const { state } = product;
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
      stock: state.stock,
      // Shown like any SKU that cannot be sold now (a delisted one answers the same way); why stays internal.
      sellable: state.sellable && blacklisted === undefined,
      version: product.version,
    };
  }
}

function itemOf(listing: CatalogListing) {
  return {
    skuId: listing.skuId,
    title: listing.title,
    ...(listing.brand ? { brand: listing.brand } : {}),
    categoryFamily: listing.categoryFamily,
    ...(listing.subcategory ? { subcategory: listing.subcategory } : {}),
    contractPriceFen: listing.contractPriceFen,
    marketPriceFen: listing.marketPriceFen,
    inStock: listing.stock > 0,
    ...(listing.imageUrl ? { imageUrl: listing.imageUrl } : {}),
    listedAt: listing.listedAt.toISOString(),
  };
}
