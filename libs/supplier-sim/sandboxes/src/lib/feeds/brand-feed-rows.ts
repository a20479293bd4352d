import type { SimOffer } from '@supply-hub/sim-catalog-data';
import {
  BRAND_FEED_IMAGE_SEPARATOR,
  BRAND_FEED_SPEC_NAME_VALUE_SEPARATOR,
  BRAND_FEED_SPEC_SEPARATOR,
  type BrandFeedField,
} from '@supply-hub/supplier-protocols';
import type { BrandFeedFormat } from './brand-feed-formats';

export type FeedCell = string | number | string[];

/** One feed row's cells by canonical field; prices in yuan with two decimals. */
export function feedCells(offer: SimOffer, format: BrandFeedFormat): Record<BrandFeedField, FeedCell> {
  return {
    externalId: offer.externalId,
    title: offer.title ?? '',
    brand: offer.brand ?? '',
    model: offer.model,
    barcode: offer.barcode ?? '',
    categoryFamily: offer.familyName,
    subcategory: offer.categoryPath[offer.categoryPath.length - 1] ?? '',
    supplyPrice: (offer.supplyPriceFen / 100).toFixed(2),
    marketPrice: (offer.marketPriceFen / 100).toFixed(2),
    stock: offer.stock,
    specs: offer.specs.map((spec) => `${spec.name}${BRAND_FEED_SPEC_NAME_VALUE_SEPARATOR}${spec.value}`).join(BRAND_FEED_SPEC_SEPARATOR),
    images: offer.images,
    status: offer.listed ? format.statuses.listed : format.statuses.delisted,
  };
}

/** CSV: UTF-8 with a BOM (as Excel writes it), CRLF line ends, fields quoted when they must be. */
export class CsvFeedWriter {
  private readonly lines: string[];

  constructor(private readonly format: BrandFeedFormat) {
    this.lines = [format.columns.map((field) => csvField(format.names[field])).join(',')];
  }

  row(cells: Record<BrandFeedField, FeedCell> | null): void {
    // A blank row, as hand-edited exports have.
    if (!cells) return void this.lines.push(this.format.columns.map(() => '').join(','));
    this.lines.push(this.format.columns.map((field) => csvField(cellText(cells[field]))).join(','));
  }

  toString(): string {
    return `\uFEFF${this.lines.join('\r\n')}\r\n`;
  }
}

/** JSON: an array of objects keyed by the same column names as the brand's CSV; images as a list. */
export class JsonFeedWriter {
  private readonly items: Record<string, FeedCell | null>[] = [];

  constructor(private readonly format: BrandFeedFormat) {}

  row(cells: Record<BrandFeedField, FeedCell> | null): void {
    const item: Record<string, FeedCell | null> = {};
    for (const field of this.format.columns) item[this.format.names[field]] = cells ? cells[field] : null;
    this.items.push(item);
  }

  toString(): string {
    return JSON.stringify(this.items);
  }
}

function cellText(cell: FeedCell): string {
  return Array.isArray(cell) ? cell.join(BRAND_FEED_IMAGE_SEPARATOR) : String(cell);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
