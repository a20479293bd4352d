import type { JdOfferPayload, SourceRecord } from '@supply-hub/catalog-domain';
import { DependencyUnavailableError } from '@supply-hub/errors';
import { upstreamFailureKindOf } from '@supply-hub/http-client';
import { type JdClient, zodProblem } from '@supply-hub/supplier-clients';
import {
  JD_PATHS,
  type JdPath,
  type JdProductDetail,
  jdProductDetailSchema,
  jdSellPriceSchema,
  jdSkuStateSchema,
  type JdSellPrice,
  type JdSkuState,
  type JdStock,
  jdStockSchema,
} from '@supply-hub/supplier-protocols';
import { z } from 'zod';
import { chunk, mapBounded } from '../shared/map-bounded';
import type { JdSourceConfig } from './jd-source-config';

type Config = Pick<JdSourceConfig, 'id' | 'area' | 'detailConcurrency'>;
type DetailOutcome = { detail: JdProductDetail } | { malformed: string; raw?: unknown };

/** A batch answer read item by item: one bad entry costs one SKU, not the hundred in its batch. */
const looseArray = z.array(z.unknown());
const BATCH_SIZE = 100;

/**
 * Reads SKUs the way JD serves them: one getDetail per SKU (bounded concurrency) and skuState,
 * getSellPrice and getNewStockById per 100 SKUs, assembled into one record per SKU. What concerns one
 * SKU only (JD refuses its detail, its detail breaks the schema, it has no price) becomes a malformed
 * record; what concerns the supplier (unreachable, breaker open, a batch refused) fails the page, so the
 * pull stops at its last cursor and resumes there.
 */
export class JdOfferReader {
  constructor(
    private readonly config: Config,
    private readonly client: JdClient,
  ) {}

  async fullRecords(skuIds: readonly number[], signal?: AbortSignal): Promise<SourceRecord<JdOfferPayload>[]> {
    if (skuIds.length === 0) return [];
    const details = await mapBounded(skuIds, this.config.detailConcurrency, (sku) => this.detail(sku, signal));
    const states = new Map<number, JdSkuState>();
    const prices = new Map<number, JdSellPrice>();
    const stocks = await this.stocks(skuIds, signal);
    for (const batch of chunk(skuIds, BATCH_SIZE)) {
      const skuList = batch.join(',');
      for (const state of await this.batch(JD_PATHS.skuState, { sku: skuList }, jdSkuStateSchema, signal)) states.set(state.sku, state);
      for (const price of await this.batch(JD_PATHS.getSellPrice, { sku: skuList }, jdSellPriceSchema, signal)) prices.set(price.skuId, price);
    }
    return skuIds.map((sku, index) => {
      const outcome = details[index];
      const payload: JdOfferPayload = {
        sku: String(sku),
        detail: 'detail' in outcome ? outcome.detail : null,
        price: prices.get(sku) ?? null,
        state: states.get(sku) ?? null,
        stock: stocks.get(sku) ?? null,
      };
      if ('malformed' in outcome) Object.assign(payload, { malformed: outcome.malformed, raw: outcome.raw });
      else if (!payload.price) payload.malformed = 'getSellPrice returned no price for this SKU';
      return this.record(payload);
    });
  }

  async stockRecords(skuIds: readonly number[], signal?: AbortSignal): Promise<SourceRecord<JdOfferPayload>[]> {
    const stocks = await this.stocks(skuIds, signal);
    return skuIds.map((sku) => {
      const stock = stocks.get(sku) ?? null;
      const payload: JdOfferPayload = { sku: String(sku), detail: null, price: null, state: null, stock, stockOnly: true };
      if (!stock) payload.malformed = 'getNewStockById returned no stock for this SKU';
      return this.record(payload);
    });
  }

  private async stocks(skuIds: readonly number[], signal?: AbortSignal): Promise<Map<number, JdStock>> {
    const stocks = new Map<number, JdStock>();
    for (const batch of chunk(skuIds, BATCH_SIZE)) {
      const skuNums = JSON.stringify(batch.map((skuId) => ({ skuId, num: 1 })));
      const answer = await this.batch(JD_PATHS.getNewStockById, { skuNums, area: this.config.area }, jdStockSchema, signal);
      for (const stock of answer) stocks.set(stock.skuId, stock);
    }
    return stocks;
  }

  private async detail(sku: number, signal?: AbortSignal): Promise<DetailOutcome> {
    let answer;
    try {
      answer = await this.client.answer(JD_PATHS.getDetail, { sku: String(sku), queryExts: 'imagePaths' }, signal);
    } catch (error) {
      // An answer that stays unreadable for this one SKU is its record's problem; an unreachable JD is not.
      if (error instanceof DependencyUnavailableError && upstreamFailureKindOf(error) === 'invalid-body') return { malformed: `getDetail: ${error.message}` };
      throw error;
    }
    const { envelope } = answer;
    if (!envelope.success) return { malformed: `getDetail refused: ${envelope.resultCode} ${envelope.resultMessage ?? ''}`.trim() };
    const parsed = jdProductDetailSchema.safeParse(envelope.result);
    if (!parsed.success) return { malformed: `getDetail: ${zodProblem(parsed.error)}`, raw: envelope.result };
    if (parsed.data.sku !== sku) return { malformed: `getDetail answered for sku ${parsed.data.sku}`, raw: envelope.result };
    return { detail: parsed.data };
  }

  /** A ≤100-SKU call whose entries are read one by one; entries that break the schema are dropped (their SKU then lacks that part). */
  private async batch<T>(path: JdPath, fields: Record<string, string>, item: z.ZodType<T>, signal?: AbortSignal): Promise<T[]> {
    const entries = await this.client.call(path, fields, looseArray, signal);
    const read: T[] = [];
    for (const entry of entries) {
      const parsed = item.safeParse(entry);
      if (parsed.success) read.push(parsed.data);
    }
    return read;
  }

  private record(payload: JdOfferPayload): SourceRecord<JdOfferPayload> {
    return { sourceId: this.config.id, kind: 'jd', externalId: payload.sku, payload };
  }
}
