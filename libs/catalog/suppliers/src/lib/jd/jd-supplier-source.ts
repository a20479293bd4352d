import { type JdOfferPayload, type PullOptions, readAhead, type SourcePage, type SupplierSource } from '@supply-hub/catalog-domain';
import { ValidationError } from '@supply-hub/errors';
import type { JdClient } from '@supply-hub/supplier-clients';
import {
  JD_CATALOG_MESSAGE_TYPES,
  JD_MESSAGE_TYPES,
  JD_PATHS,
  JD_POOL_MESSAGE_STATES,
  jdGetPageNumResultSchema,
  jdMessageDelResultSchema,
  jdMessageSchema,
  type JdMessage,
  jdSkuPageSchema,
} from '@supply-hub/supplier-protocols';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../shared/cursor-codec';
import { type JdCursor, jdCursorSchema, type PoolPosition } from './jd-cursor';
import type { JdOfferReader } from './jd-offer-reader';
import { walkPools } from './jd-pool-walker';
import type { JdSourceConfig } from './jd-source-config';

type Config = Pick<JdSourceConfig, 'id' | 'recordsPerPage' | 'stockRecordsPerPage' | 'stockReadAheadPages' | 'maxMessagePages'>;

const END: JdCursor = { v: 1, phase: 'end' };
const MESSAGES: JdCursor = { v: 1, phase: 'messages' };
const skuMessageResult = z.object({ skuId: z.number().int().positive(), state: z.number().int().optional() });

/**
 * JD as a SupplierSource. Full sync: every pool's SKUs, 100 at a time, each with detail, state, price and
 * stock. Incremental: the catalog messages (price 2, listing 4, pool 6, product 16), each SKU fetched
 * again, acknowledged with message/del only when the pipeline asks for the next page; then, since JD
 * sends no stock messages, the stock of every SKU as `stockOnly` records. The last page of either pull
 * carries the end cursor `{"v":1,"phase":"end"}`; JD keeps the message queue itself, so `since` is not
 * needed to find changes.
 */
export class JdSupplierSource implements SupplierSource<JdOfferPayload> {
  readonly kind = 'jd' as const;
  readonly sourceId: string;

  constructor(
    private readonly config: Config,
    private readonly client: JdClient,
    private readonly reader: JdOfferReader,
  ) {
    this.sourceId = config.id;
  }

  async *fullSync(options: PullOptions = {}): AsyncGenerator<SourcePage<JdOfferPayload>> {
    const cursor = this.cursorOf(options.resumeFrom);
    if (cursor?.phase === 'end') return;
    if (cursor && cursor.phase !== 'pool') throw this.wrongCursor('a full sync', cursor);
    const totalHint = await this.estimateTotal(options.signal);
    for await (const page of this.walk(
      cursor,
      this.config.recordsPerPage,
      'pool',
      (skuIds) => this.reader.fullRecords(skuIds, options.signal),
      options.signal,
    )) {
      yield { ...page, totalHint };
    }
  }

  /**
   * About how many SKUs the pools hold, for progress and ETA: JD states a pool's page count, not its size,
   * so each pool counts as its first page's size times its pages (one extra call per pool).
   */
  private async estimateTotal(signal?: AbortSignal): Promise<number> {
    const pools = await this.client.call(JD_PATHS.getPageNum, {}, jdGetPageNumResultSchema, signal);
    let total = 0;
    for (const pool of pools) {
      const first = await this.client.call(JD_PATHS.getSkuByPage, { pageNum: pool.page_num, pageNo: '1' }, jdSkuPageSchema, signal);
      total += first.pageCount <= 1 ? first.skuIds.length : first.skuIds.length * first.pageCount;
    }
    return total;
  }

  async *changesSince(since: string | null, options: PullOptions = {}): AsyncGenerator<SourcePage<JdOfferPayload>> {
    // Validated only: a cursor of another source is a configuration mistake worth stopping for.
    if (since) this.cursorOf(since);
    const cursor = this.cursorOf(options.resumeFrom) ?? MESSAGES;
    if (cursor.phase === 'end') return;
    if (cursor.phase === 'pool') throw this.wrongCursor('an incremental pull', cursor);
    if (cursor.phase === 'messages') yield* this.messagePages(options.signal);
    const stockStart = cursor.phase === 'stock' ? cursor : undefined;
    // The stock poll acknowledges nothing, so its next pages can be fetched while one is stored (the
    // message phase above cannot: its messages are deleted when the next page is asked for).
    yield* readAhead(
      this.walk(stockStart, this.config.stockRecordsPerPage, 'stock', (skuIds) => this.reader.stockRecords(skuIds, options.signal), options.signal),
      this.config.stockReadAheadPages,
    );
  }

  private async *walk(
    start: PoolPosition | undefined,
    sliceSize: number,
    phase: 'pool' | 'stock',
    read: (skuIds: number[]) => Promise<SourcePage<JdOfferPayload>['records']>,
    signal?: AbortSignal,
  ): AsyncGenerator<SourcePage<JdOfferPayload>> {
    let ended = false;
    for await (const slice of walkPools(this.client, start, sliceSize, signal)) {
      const { pool, poolIndex, pageNo, offset } = slice.next ?? { pool: '', poolIndex: 0, pageNo: 1, offset: 0 };
      const cursor: JdCursor = slice.next ? { v: 1, phase, pool, poolIndex, pageNo, offset } : END;
      ended = slice.next === null;
      // The same slice position and size in a full and a stock pull covers the same SKUs, so the pipeline
      // can keep what it last saw of such a slice and compare a stock poll with it in one read.
      const snapshotKey = `${slice.at.pool}/${slice.at.pageNo}/${slice.at.offset}+${sliceSize}`;
      yield { records: await read(slice.skuIds), removedExternalIds: [], cursor: encodeCursor(cursor), snapshotKey };
    }
    // Empty pools at the end leave the last page with a cursor into them; the pull still has to end.
    if (!ended) yield { records: [], removedExternalIds: [], cursor: encodeCursor(END) };
  }

  private async *messagePages(signal?: AbortSignal): AsyncGenerator<SourcePage<JdOfferPayload>> {
    const acknowledged = new Set<string>();
    for (let page = 0; page < this.config.maxMessagePages; page++) {
      signal?.throwIfAborted();
      const entries = await this.client.call(JD_PATHS.messageGet, { type: JD_CATALOG_MESSAGE_TYPES.join(',') }, z.array(z.unknown()), signal);
      const messages = entries.map((entry) => jdMessageSchema.safeParse(entry)).flatMap((parsed) => (parsed.success ? [parsed.data] : []));
      // Ids JD sends again after we deleted them would loop forever; they end the message phase instead.
      const fresh = messages.filter((message) => !acknowledged.has(message.id));
      if (fresh.length === 0) return;
      const { refetch, removed } = this.changesOf(fresh);
      const records = await this.reader.fullRecords(refetch, signal);
      yield { records, removedExternalIds: removed, cursor: encodeCursor(MESSAGES) };
      // Reached only when the pipeline asks for the next page, i.e. after it stored this one.
      const ids = fresh.map((message) => message.id);
      await this.client.call(JD_PATHS.messageDel, { id: ids.join(',') }, jdMessageDelResultSchema, signal);
      for (const id of ids) acknowledged.add(id);
    }
  }

  private changesOf(messages: readonly JdMessage[]): { refetch: number[]; removed: string[] } {
    const refetch = new Set<number>();
    const removed = new Set<number>();
    for (const message of messages) {
      const result = skuMessageResult.safeParse(message.result);
      if (!result.success) continue;
      const { skuId, state } = result.data;
      if (message.type === JD_MESSAGE_TYPES.poolChanged && state === JD_POOL_MESSAGE_STATES.removed) {
        removed.add(skuId);
        refetch.delete(skuId);
      } else {
        refetch.add(skuId);
        removed.delete(skuId);
      }
    }
    return { refetch: [...refetch], removed: [...removed].map(String) };
  }

  private cursorOf(text: string | null | undefined): JdCursor | undefined {
    return text ? decodeCursor(text, jdCursorSchema, this.sourceId) : undefined;
  }

  private wrongCursor(pull: string, cursor: JdCursor): ValidationError {
    const message = `a ${cursor.phase} cursor cannot resume ${pull}`;
    return new ValidationError(`${this.sourceId}: ${message}`, [{ path: 'cursor', message }]);
  }
}
