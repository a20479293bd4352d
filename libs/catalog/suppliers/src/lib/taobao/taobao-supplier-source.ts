import type { PullOptions, SourcePage, SourceRecord, SupplierSource, TaobaoOfferPayload } from '@supply-hub/catalog-domain';
import { ValidationError } from '@supply-hub/errors';
import type { TimeSource } from '@supply-hub/http-client';
import { SupplierAnswerMalformedError, zodProblem } from '@supply-hub/supplier-clients';
import { formatBeijingTime, parseBeijingTime, TAOBAO_ITEM_FIELDS, TAOBAO_ITEMS_ONSALE_GET, taobaoItemSchema } from '@supply-hub/supplier-protocols';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../shared/cursor-codec';
import { type ModifiedWindow, type TaobaoCursor, taobaoCursorSchema } from './taobao-cursor';
import type { TaobaoGateway } from './taobao-gateway';
import type { TaobaoSourceConfig } from './taobao-source-config';

type Config = Pick<TaobaoSourceConfig, 'id' | 'pageSize' | 'deepPagingCap' | 'fullSyncFrom' | 'overlapMs'>;
type WindowsCursor = Extract<TaobaoCursor, { phase: 'windows' }>;

const onsalePageSchema = z.object({
  total_results: z.number().int().nonnegative(),
  items: z.object({ item: z.array(z.unknown()) }).optional(),
});

/**
 * Taobao as a SupplierSource, on taobao.items.onsale.get ordered by modified time. A full sync reads
 * every item modified from `fullSyncFrom` until now; an incremental pull those modified since the last
 * pull's end (less an overlap). The gateway refuses pages deeper than page_no × page_size = the cap,
 * so a window holding more items than that is halved by modified time until each half fits.
 * Items gone off sale do not appear in onsale.get: a full sync leaves them out, and the pipeline's
 * end-of-full-sync check finds them.
 */
export class TaobaoSupplierSource implements SupplierSource<TaobaoOfferPayload> {
  readonly kind = 'taobao' as const;
  readonly sourceId: string;

  constructor(
    private readonly config: Config,
    private readonly gateway: TaobaoGateway,
    private readonly time: Pick<TimeSource, 'now'>,
  ) {
    this.sourceId = config.id;
  }

  async *fullSync(options: PullOptions = {}): AsyncGenerator<SourcePage<TaobaoOfferPayload>> {
    yield* this.pull(this.config.fullSyncFrom, options);
  }

  async *changesSince(since: string | null, options: PullOptions = {}): AsyncGenerator<SourcePage<TaobaoOfferPayload>> {
    let from = this.config.fullSyncFrom;
    if (since) {
      const cursor = decodeCursor(since, taobaoCursorSchema, this.sourceId);
      if (cursor.phase !== 'end')
        throw new ValidationError(`${this.sourceId}: since must be the cursor a pull ended with`, [{ path: 'since', message: 'not an end cursor' }]);
      from = formatBeijingTime(
        Math.max(parseBeijingTime(cursor.since).getTime() - this.config.overlapMs, parseBeijingTime(this.config.fullSyncFrom).getTime()),
      );
    }
    yield* this.pull(from, options);
  }

  private async *pull(from: string, options: PullOptions): AsyncGenerator<SourcePage<TaobaoOfferPayload>> {
    const resumed = options.resumeFrom ? decodeCursor(options.resumeFrom, taobaoCursorSchema, this.sourceId) : undefined;
    if (resumed?.phase === 'end') return;
    const until = resumed?.until ?? formatBeijingTime(this.time.now());
    let windows: ModifiedWindow[] = resumed?.windows ?? [[from, until]];
    let pageNo = resumed?.pageNo ?? 1;
    let totalHint: number | undefined;
    const pageCap = Math.floor(this.config.deepPagingCap / this.config.pageSize) * this.config.pageSize;

    while (windows.length > 0) {
      options.signal?.throwIfAborted();
      const [window, ...rest] = windows;
      const page = await this.page(window, pageNo, options.signal);
      if (!resumed && totalHint === undefined) totalHint = page.total_results;
      if (page.total_results > pageCap && pageNo === 1) {
        const halves = split(window);
        if (halves) {
          windows = [...halves, ...rest];
          continue;
        }
        // One second holds more items than the cap can reach: read what the cap allows and say so.
      }
      const reachable = Math.min(page.total_results, pageCap);
      const last = pageNo * this.config.pageSize >= reachable;
      const next: WindowsCursor | undefined = last
        ? rest.length
          ? { v: 1, phase: 'windows', windows: rest, pageNo: 1, until }
          : undefined
        : { v: 1, phase: 'windows', windows, pageNo: pageNo + 1, until };
      const records = this.records(page.items?.item ?? [], window, pageNo);
      const cursor = encodeCursor<TaobaoCursor>(next ?? { v: 1, phase: 'end', since: until });
      // Empty windows are not worth a page of their own, except the last one, which carries the end cursor.
      if (records.length > 0 || !next) yield { records, removedExternalIds: [], cursor, ...(totalHint === undefined ? {} : { totalHint }) };
      if (!next) return;
      ({ windows, pageNo } = next);
    }
  }

  private async page(window: ModifiedWindow, pageNo: number, signal?: AbortSignal) {
    const answer = await this.gateway.call(
      TAOBAO_ITEMS_ONSALE_GET,
      {
        fields: TAOBAO_ITEM_FIELDS.join(','),
        page_no: pageNo,
        page_size: this.config.pageSize,
        start_modified: window[0],
        end_modified: window[1],
        order_by: 'modified:asc',
      },
      signal,
    );
    const page = onsalePageSchema.safeParse(answer);
    if (!page.success) throw new SupplierAnswerMalformedError(this.sourceId, `${this.sourceId}:${TAOBAO_ITEMS_ONSALE_GET}`, zodProblem(page.error));
    return page.data;
  }

  private records(items: unknown[], window: ModifiedWindow, pageNo: number): SourceRecord<TaobaoOfferPayload>[] {
    return items.map((raw, index) => {
      const parsed = taobaoItemSchema.safeParse(raw);
      if (parsed.success) return this.record(String(parsed.data.num_iid), { item: parsed.data });
      const numIid = (raw as { num_iid?: unknown } | null)?.num_iid;
      const externalId =
        typeof numIid === 'number' || (typeof numIid === 'string' && /^\d+$/.test(numIid)) ? String(numIid) : `#${window[0]}/${pageNo}/${index}`;
      return this.record(externalId, { item: null, malformed: `item: ${zodProblem(parsed.error)}`, raw });
    });
  }

  private record(externalId: string, payload: TaobaoOfferPayload): SourceRecord<TaobaoOfferPayload> {
    return { sourceId: this.sourceId, kind: 'taobao', externalId, payload };
  }
}

/** Halves a window at whole seconds, bounds inclusive; undefined when it is one second wide. */
function split([from, to]: ModifiedWindow): [ModifiedWindow, ModifiedWindow] | undefined {
  const start = parseBeijingTime(from).getTime() / 1000;
  const end = parseBeijingTime(to).getTime() / 1000;
  if (end <= start) return undefined;
  const middle = Math.floor((start + end) / 2);
  return [
    [from, formatBeijingTime(middle * 1000)],
    [formatBeijingTime((middle + 1) * 1000), to],
  ];
}
