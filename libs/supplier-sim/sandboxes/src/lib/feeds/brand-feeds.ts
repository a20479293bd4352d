import { breakOffer, type CatalogWorld, type DefectKind, type SimSource, brandSourceBySlug } from '@supply-hub/sim-catalog-data';
import { jsonResponse, type SandboxResponse, textResponse } from '../http/sandbox-response';
import type { FaultAnswers, SandboxGate } from '../simulation/sandbox-gate';
import { BRAND_FEED_FORMATS, type BrandFeedFormat, feedFormatOf } from './brand-feed-formats';
import { CsvFeedWriter, feedCells, JsonFeedWriter } from './brand-feed-rows';
import { type FeedRequestHeaders, isNotModified } from './conditional-get';

export type FeedFileFormat = 'csv' | 'json';

const BREAKABLE: readonly (DefectKind | 'blank-row')[] = ['missing-title', 'negative-price', 'bad-barcode', 'missing-brand', 'blank-row'];

const FEED_FAULTS: FaultAnswers = {
  rateLimited: (seconds) => textResponse(`Too Many Requests: retry in ${seconds} s`, 'text/plain; charset=utf-8', 429, { 'Retry-After': String(seconds) }),
  failed: () => textResponse('Service Unavailable', 'text/plain; charset=utf-8', 503),
};

/**
 * Brand-direct feeds over HTTP: each brand's whole catalog as CSV or JSON (the same rows), with an
 * ETag naming the world state of that brand and Last-Modified, so an unchanged feed costs a 304.
 */
export class BrandFeeds {
  constructor(
    private readonly world: CatalogWorld,
    private readonly gate: SandboxGate,
  ) {}

  list(baseUrl: string): SandboxResponse {
    const brands = BRAND_FEED_FORMATS.map((format) => {
      const source = brandSourceBySlug(format.slug) as SimSource;
      return {
        slug: format.slug,
        brand: source.brand?.brand,
        sourceId: source.id,
        skus: this.world.count(source.id),
        headers: format.language,
        csv: `${baseUrl}/feeds/${format.slug}/products.csv`,
        json: `${baseUrl}/feeds/${format.slug}/products.json`,
        lastModified: new Date(this.world.lastModifiedAt(source.id)).toUTCString(),
      };
    });
    return jsonResponse({ brands });
  }

  feed(slug: string, fileFormat: FeedFileFormat, headers: FeedRequestHeaders): Promise<SandboxResponse> {
    return this.gate.run('feeds', `${slug}.${fileFormat}`, FEED_FAULTS, () => this.render(slug, fileFormat, headers));
  }

  private render(slug: string, fileFormat: FeedFileFormat, headers: FeedRequestHeaders): SandboxResponse {
    const source = brandSourceBySlug(slug);
    const format = feedFormatOf(slug);
    if (!source || !format) return textResponse(`no feed for brand ${slug}`, 'text/plain; charset=utf-8', 404);
    const etag = `"sim-${this.world.seed.toString(16)}-${this.world.skus}-${slug}-g${this.world.generation}-v${this.world.version(source.id)}-${fileFormat}"`;
    const lastModifiedMs = this.world.lastModifiedAt(source.id);
    const validators = { ETag: etag, 'Last-Modified': new Date(lastModifiedMs).toUTCString(), 'Cache-Control': 'no-cache' };
    if (isNotModified(headers, etag, lastModifiedMs)) return { status: 304, headers: validators, body: null };

    const writer = fileFormat === 'csv' ? new CsvFeedWriter(format) : new JsonFeedWriter(format);
    const count = this.world.count(source.id);
    for (let index = 0; index < count; index++) this.writeRow(writer, source, format, index);
    const contentType = fileFormat === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
    return textResponse(writer.toString(), contentType, 200, validators);
  }

  /** One row; under the malformedRate fault some rows go out broken or blank. */
  private writeRow(writer: CsvFeedWriter | JsonFeedWriter, source: SimSource, format: BrandFeedFormat, index: number): void {
    const offer = this.world.offer(source.id, index);
    if (!this.gate.breaksRecord('feeds')) return writer.row(feedCells(offer, format));
    const defect = BREAKABLE[this.gate.choose(BREAKABLE.length)] as DefectKind | 'blank-row';
    writer.row(defect === 'blank-row' ? null : feedCells(breakOffer(offer, defect), format));
  }
}
