import type { BrandFeedPayload } from '@supply-hub/catalog-domain';
import { zodProblem } from '@supply-hub/supplier-clients';
import {
  BRAND_FEED_IMAGE_SEPARATOR,
  BRAND_FEED_SPEC_SEPARATOR,
  type BrandFeedField,
  type BrandFeedMapping,
  brandFeedJsonItemSchema,
} from '@supply-hub/supplier-protocols';
import { type CsvError, parse } from 'csv-parse';
import { pipeline, type Readable } from 'node:stream';

/** A row as read, mapped; `malformed` when it cannot be (the payload says why). */
export type FeedRow = BrandFeedPayload;

/** Raised when the feed as a whole cannot be read (no id column, not a JSON array). */
export class FeedUnreadableError extends Error {}

/**
 * Rows of a CSV feed, streamed: the first row is the header. A row with another number of cells than
 * the header, or one the parser cannot read (a quote opened and never closed), comes out malformed and
 * the parse goes on; rows with no value at all are skipped. Quotes inside an unquoted cell (15.6" 屏)
 * are kept as text: exports are full of them, and the catalog's validation judges the value.
 * `idleTimeoutMs`: a body that stops flowing for that long fails the read (code ETIMEDOUT).
 */
export async function* csvRows(body: Readable, mapping: BrandFeedMapping, idleTimeoutMs: number): AsyncGenerator<FeedRow> {
  const skipped: FeedRow[] = [];
  const parser = parse({
    bom: true,
    encoding: 'utf8',
    info: true,
    raw: true,
    trim: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined, raw: string | undefined) => {
      skipped.push({ line: lineOf(error), fields: {}, malformed: `unreadable CSV row: ${error?.message ?? 'parse error'}`, raw });
      return undefined;
    },
  });
  // pipeline, not pipe: a body that fails or closes early must fail the parse instead of leaving it waiting.
  pipeline(body, parser, () => undefined);
  // Bytes waiting anywhere on our side mean the consumer is slow, not the network.
  const stopWatching = watchIdle(body, () => body.readableLength + parser.writableLength + parser.readableLength > 0, idleTimeoutMs);
  let header: (BrandFeedField | undefined)[] | undefined;
  let width = 0;
  try {
    for await (const { record, info, raw } of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
      // The parser reads ahead of this loop; rows it skipped come out in file order, before this one.
      while (skipped.length > 0 && skipped[0].line < info.lines) yield skipped.shift() as FeedRow;
      if (!header) {
        header = record.map((name) => mapping.columns[name.trim()]);
        width = record.length;
        if (!header.includes('externalId'))
          throw new FeedUnreadableError(`the header has no id column (${idColumnOf(mapping)}): ${record.join(',').slice(0, 200)}`);
        continue;
      }
      if (record.length !== width) {
        yield { line: info.lines, fields: {}, malformed: `${record.length} cells where the header has ${width}`, raw: raw.trimEnd() };
        continue;
      }
      const fields: FeedRow['fields'] = {};
      header.forEach((field, index) => {
        if (field && record[index] !== '') fields[field] = record[index];
      });
      yield withId({ line: info.lines, fields }, mapping, raw);
    }
    yield* skipped.splice(0);
  } finally {
    stopWatching();
    body.destroy();
  }
}

/**
 * Destroys `body` when no data arrives for `idleTimeoutMs` while nothing is waiting to be read (a stalled
 * download, which would otherwise hang the pull for good); returns the function that stops watching.
 */
function watchIdle(body: Readable, backedUp: () => boolean, idleTimeoutMs: number): () => void {
  let timer: NodeJS.Timeout | undefined;
  const stop = () => clearTimeout(timer);
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (backedUp()) arm();
      else body.destroy(Object.assign(new Error(`no data for ${idleTimeoutMs} ms`), { code: 'ETIMEDOUT' }));
    }, idleTimeoutMs);
  };
  body.on('data', arm);
  body.once('end', stop);
  body.once('close', stop);
  arm();
  return stop;
}

/** Items of a JSON feed: an array of objects keyed by column name. */
export function jsonRows(text: string, mapping: BrandFeedMapping): { rows: FeedRow[] } {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new FeedUnreadableError(`not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(document)) throw new FeedUnreadableError('not a JSON array of items');
  const rows = document.map((item, index): FeedRow => {
    const line = index + 1;
    const parsed = brandFeedJsonItemSchema.safeParse(item);
    if (!parsed.success) return { line, fields: {}, malformed: `unreadable item: ${zodProblem(parsed.error)}`, raw: item };
    const fields: FeedRow['fields'] = {};
    for (const [column, value] of Object.entries(parsed.data)) {
      const field = mapping.columns[column.trim()];
      const text = field ? cellText(field, value) : '';
      if (field && text !== '') fields[field] = text;
    }
    return withId({ line, fields }, mapping, item);
  });
  return { rows };
}

function withId(row: FeedRow, mapping: BrandFeedMapping, raw: unknown): FeedRow {
  return row.fields.externalId ? row : { ...row, malformed: `no value in the id column (${idColumnOf(mapping)})`, raw };
}

/** A JSON cell as the string a CSV cell would hold: lists joined the way the CSV form writes them. */
function cellText(field: BrandFeedField, value: string | number | boolean | null | string[]): string {
  if (value === null) return '';
  if (Array.isArray(value)) {
    const separator = field === 'specs' ? BRAND_FEED_SPEC_SEPARATOR : BRAND_FEED_IMAGE_SEPARATOR;
    return value
      .map((part) => part.trim())
      .filter(Boolean)
      .join(separator);
  }
  return String(value).trim();
}

function idColumnOf(mapping: BrandFeedMapping): string {
  return Object.entries(mapping.columns).find(([, field]) => field === 'externalId')?.[0] ?? 'externalId';
}

function lineOf(error: CsvError | undefined): number {
  const lines = (error as { lines?: unknown } | undefined)?.lines;
  return typeof lines === 'number' ? lines : 0;
}
