import type { BrandFeedPayload, PullOptions, SourcePage, SourceRecord, SupplierSource } from '@supply-hub/catalog-domain';
import { DependencyUnavailableError, DomainError, ValidationError } from '@supply-hub/errors';
import type { HttpClient, HttpResponse } from '@supply-hub/http-client';
import { SupplierAnswerMalformedError } from '@supply-hub/supplier-clients';
import type { BrandFeedMapping } from '@supply-hub/supplier-protocols';
import type { Readable } from 'node:stream';
import { decodeCursor, encodeCursor } from '../shared/cursor-codec';
import { type BrandFeedCursor, brandFeedCursorSchema, type FeedValidators } from './brand-feed-cursor';
import { csvRows, type FeedRow, FeedUnreadableError, jsonRows } from './brand-feed-rows';
import type { BrandFeedSourceConfig } from './brand-feed-source-config';

type Config = Pick<BrandFeedSourceConfig, 'id' | 'url' | 'format' | 'headers' | 'recordsPerPage' | 'maxJsonBytes' | 'http'>;

/**
 * A brand's file as a SupplierSource. A feed is a whole snapshot, never a delta: a full sync reads every
 * row; an incremental pull asks with If-None-Match / If-Modified-Since and gets either 304 (one empty
 * page, the same end cursor) or the whole file again, which the pipeline treats like a full read (its
 * records are upserted idempotently; what vanished is found by the next full sync).
 */
export class BrandFeedSupplierSource implements SupplierSource<BrandFeedPayload> {
  readonly kind = 'brand-feed' as const;
  readonly sourceId: string;
  private readonly endpoint: string;

  constructor(
    private readonly config: Config,
    private readonly mapping: BrandFeedMapping,
    private readonly http: HttpClient,
  ) {
    this.sourceId = config.id;
    this.endpoint = `${config.id}:feed`;
  }

  async *fullSync(options: PullOptions = {}): AsyncGenerator<SourcePage<BrandFeedPayload>> {
    yield* this.read(undefined, options);
  }

  async *changesSince(since: string | null, options: PullOptions = {}): AsyncGenerator<SourcePage<BrandFeedPayload>> {
    const previous = since ? decodeCursor(since, brandFeedCursorSchema, this.sourceId) : undefined;
    if (previous && previous.phase !== 'end')
      throw new ValidationError(`${this.sourceId}: since must be the cursor a pull ended with`, [{ path: 'since', message: 'not an end cursor' }]);
    // A pull in progress resumes like a full read; a new one asks whether the file changed.
    yield* this.read(options.resumeFrom ? undefined : previous, options);
  }

  private async *read(conditional: FeedValidators | undefined, options: PullOptions): AsyncGenerator<SourcePage<BrandFeedPayload>> {
    const resumed = options.resumeFrom ? decodeCursor(options.resumeFrom, brandFeedCursorSchema, this.sourceId) : undefined;
    if (resumed?.phase === 'end') return;
    const response = await this.fetch(conditional, options.signal);
    if (response.status === 304) {
      if (response.data && typeof (response.data as Readable).destroy === 'function') (response.data as Readable).destroy();
      yield { records: [], removedExternalIds: [], cursor: encodeCursor<BrandFeedCursor>({ v: 1, phase: 'end', ...conditional }) };
      return;
    }
    const validators: FeedValidators = { etag: response.headers['etag'], lastModified: response.headers['last-modified'] };
    const skip = resumed && sameFile(resumed, validators) ? resumed.next : 0;
    const rows = this.rowsOf(response);
    const totalHint = Array.isArray(rows) ? { totalHint: rows.length } : {};
    yield* this.pages(rows, skip, validators, totalHint, options.signal);
  }

  private async *pages(
    rows: AsyncIterable<FeedRow> | Iterable<FeedRow>,
    skip: number,
    validators: FeedValidators,
    totalHint: { totalHint?: number },
    signal?: AbortSignal,
  ): AsyncGenerator<SourcePage<BrandFeedPayload>> {
    let seen = 0;
    let page: SourceRecord<BrandFeedPayload>[] = [];
    try {
      for await (const row of rows) {
        seen++;
        if (seen <= skip) continue;
        // A full page goes out only once another row exists, so the last page is the one with the end cursor.
        if (page.length === this.config.recordsPerPage) {
          signal?.throwIfAborted();
          yield {
            records: page,
            removedExternalIds: [],
            cursor: encodeCursor<BrandFeedCursor>({ v: 1, phase: 'rows', ...validators, next: seen - 1 }),
            snapshotKey: this.snapshotKeyAt(seen - 1 - page.length),
            ...totalHint,
          };
          page = [];
        }
        page.push(this.record(row));
      }
    } catch (error) {
      throw this.readFailure(error);
    }
    // An empty feed still ends with one (empty) page carrying the end cursor.
    yield {
      records: page,
      removedExternalIds: [],
      cursor: encodeCursor<BrandFeedCursor>({ v: 1, phase: 'end', ...validators }),
      ...(page.length > 0 ? { snapshotKey: this.snapshotKeyAt(seen - page.length) } : {}),
      ...totalHint,
    };
  }

  /**
   * Names the rows a page holds (its first row and the page size): a feed re-sent with few changes has
   * mostly the same rows at the same places, and the pipeline skips the rows it already stored.
   */
  private snapshotKeyAt(firstRow: number): string {
    return `rows:${firstRow}+${this.config.recordsPerPage}`;
  }

  /** A failure while the body streams in: the file's fault, or a download cut short (worth another try later). */
  private readFailure(error: unknown): unknown {
    if (error instanceof FeedUnreadableError) return new SupplierAnswerMalformedError(this.sourceId, this.endpoint, error.message);
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('CSV_')) return new SupplierAnswerMalformedError(this.sourceId, this.endpoint, (error as Error).message);
    if (typeof code === 'string' && !(error instanceof DomainError)) {
      return new DependencyUnavailableError(`${this.endpoint}: download interrupted: ${(error as Error).message}`, { endpoint: this.endpoint, code });
    }
    return error;
  }

  private rowsOf(response: HttpResponse): AsyncIterable<FeedRow> | Iterable<FeedRow> {
    if (this.config.format === 'csv') return csvRows(response.data as Readable, this.mapping, this.config.http.timeoutMs);
    try {
      return jsonRows(response.data as string, this.mapping).rows;
    } catch (error) {
      if (error instanceof FeedUnreadableError) throw new SupplierAnswerMalformedError(this.sourceId, this.endpoint, error.message);
      throw error;
    }
  }

  private fetch(conditional: FeedValidators | undefined, signal?: AbortSignal): Promise<HttpResponse> {
    const headers: Record<string, string> = { ...this.config.headers };
    if (conditional?.etag) headers['if-none-match'] = conditional.etag;
    if (conditional?.lastModified) headers['if-modified-since'] = conditional.lastModified;
    const csv = this.config.format === 'csv';
    return this.http.request({
      endpoint: this.endpoint,
      method: 'GET',
      path: this.config.url,
      headers,
      responseType: csv ? 'stream' : 'text',
      maxBodyBytes: csv ? undefined : this.config.maxJsonBytes,
      acceptStatuses: [304],
      signal,
    });
  }

  private record(row: FeedRow): SourceRecord<BrandFeedPayload> {
    const externalId = row.fields.externalId ?? `#line-${row.line}`;
    return { sourceId: this.sourceId, kind: 'brand-feed', externalId, payload: row };
  }
}

function sameFile(cursor: FeedValidators, current: FeedValidators): boolean {
  if (cursor.etag || current.etag) return cursor.etag === current.etag;
  if (cursor.lastModified || current.lastModified) return cursor.lastModified === current.lastModified;
  // A server that gives no validators at all: nothing says the file changed.
  return true;
}
