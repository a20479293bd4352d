import type { CatalogListing } from '@supply-hub/catalog-application';
import type { z } from 'zod';
import type { catalogItemSchema } from './catalog.dto';
import type { PointsBands } from './points-bands';

/** A SKU as the mall catalog and the curation reports list it. */
export function catalogItemOf(listing: CatalogListing, bands: PointsBands): z.output<typeof catalogItemSchema> {
  return {
    skuId: listing.skuId,
    title: listing.title,
    ...(listing.brand ? { brand: listing.brand } : {}),
    categoryFamily: listing.categoryFamily,
    ...(listing.subcategory ? { subcategory: listing.subcategory } : {}),
    contractPriceFen: listing.contractPriceFen,
    marketPriceFen: listing.marketPriceFen,
    ...bands.pricing(listing.contractPriceFen),
    inStock: listing.stock > 0,
    ...(listing.imageUrl ? { imageUrl: listing.imageUrl } : {}),
    listedAt: listing.listedAt.toISOString(),
  };
}
