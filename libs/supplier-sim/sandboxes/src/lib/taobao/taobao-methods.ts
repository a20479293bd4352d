import { breakOffer, type CatalogWorld, type DefectKind, type ListingOrder, ListingView, type SimOffer, TAOBAO_SOURCE } from '@supply-hub/sim-catalog-data';
import {
  parseBeijingTime,
  TAOBAO_ERROR_CODES,
  TAOBAO_ITEM_SELLER_GET,
  TAOBAO_ITEMS_DEEP_PAGING_CAP,
  TAOBAO_ITEMS_ONSALE_GET,
  TAOBAO_ITEMS_PAGE_SIZE_DEFAULT,
  TAOBAO_SUB_CODES,
  taobaoItemSellerGetParamsSchema,
  taobaoItemsOnsaleGetParamsSchema,
  taobaoResponseKey,
} from '@supply-hub/supplier-protocols';
import type { z } from 'zod';
import { jsonResponse, type SandboxResponse } from '../http/sandbox-response';
import type { SandboxGate } from '../simulation/sandbox-gate';
import { invalidParameter, missingParameter, taobaoError, taobaoRequestId } from './taobao-errors';
import { fieldSet, pickFields, taobaoItem } from './taobao-item-record';

const VIEW_CACHE_SIZE = 16;
const BREAKABLE: readonly DefectKind[] = ['missing-title', 'negative-price', 'zero-price', 'bad-barcode', 'missing-brand'];

/** The item methods behind the gateway, once the common parameters have passed. */
export class TaobaoMethods {
  /** Views per (world version, window, order): paging one window reuses its view; size ∝ changes. */
  private readonly views = new Map<string, ListingView>();

  constructor(
    private readonly world: CatalogWorld,
    private readonly gate: SandboxGate,
  ) {}

  static readonly METHODS: readonly string[] = [TAOBAO_ITEMS_ONSALE_GET, TAOBAO_ITEM_SELLER_GET];

  call(method: string, params: Record<string, string>): SandboxResponse {
    return method === TAOBAO_ITEMS_ONSALE_GET ? this.itemsOnsale(params) : this.itemSeller(params);
  }

  private itemsOnsale(params: Record<string, string>): SandboxResponse {
    const parsed = taobaoItemsOnsaleGetParamsSchema.safeParse(params);
    if (!parsed.success) return parameterError(parsed.error);
    const request = parsed.data;
    const pageNo = Number(request.page_no ?? 1);
    const pageSize = Number(request.page_size ?? TAOBAO_ITEMS_PAGE_SIZE_DEFAULT);
    if (pageNo * pageSize > TAOBAO_ITEMS_DEEP_PAGING_CAP) {
      return taobaoError(
        TAOBAO_ERROR_CODES.invalidParameter,
        TAOBAO_SUB_CODES.pageLimitExceeded,
        `page_no × page_size 不能超过 ${TAOBAO_ITEMS_DEEP_PAGING_CAP}，请按 start_modified / end_modified 分段查询`,
      );
    }
    const [field, direction] = (request.order_by ?? 'list_time:desc').split(':') as [string, string];
    if (field === 'num') return invalidParameter('order_by', 'the sandbox sorts by list_time, delist_time or modified only');
    const order: ListingOrder = field === 'modified' ? 'modified' : 'listed';
    const from = request.start_modified ? parseBeijingTime(request.start_modified).getTime() : undefined;
    const to = request.end_modified ? parseBeijingTime(request.end_modified).getTime() : undefined;

    if (pageNo > 1) this.gate.changeBetweenPages('taobao');
    const view = this.view(order, direction === 'desc', from, to);
    const fields = fieldSet(request.fields);
    const items = view.slice((pageNo - 1) * pageSize, pageSize).map((index) => pickFields(taobaoItem(this.offer(index)), fields));
    const body: Record<string, unknown> = { total_results: view.total };
    if (items.length > 0) body['items'] = { item: items };
    body['request_id'] = taobaoRequestId();
    return jsonResponse({ [taobaoResponseKey(TAOBAO_ITEMS_ONSALE_GET)]: body });
  }

  private itemSeller(params: Record<string, string>): SandboxResponse {
    const parsed = taobaoItemSellerGetParamsSchema.safeParse(params);
    if (!parsed.success) return parameterError(parsed.error);
    const index = this.world.indexOf(TAOBAO_SOURCE.id, parsed.data.num_iid);
    if (index === null) return taobaoError(TAOBAO_ERROR_CODES.remoteServiceError, TAOBAO_SUB_CODES.itemNotExist, `商品 ${parsed.data.num_iid} 不存在`);
    const item = pickFields(taobaoItem(this.offer(index)), fieldSet(parsed.data.fields));
    return jsonResponse({ [taobaoResponseKey(TAOBAO_ITEM_SELLER_GET)]: { item, request_id: taobaoRequestId() } });
  }

  clearCache(): void {
    this.views.clear();
  }

  private view(order: ListingOrder, descending: boolean, from: number | undefined, to: number | undefined): ListingView {
    const key = `${this.world.version(TAOBAO_SOURCE.id)}|${order}|${descending}|${from ?? ''}|${to ?? ''}`;
    let view = this.views.get(key);
    if (!view) {
      view = new ListingView(this.world, TAOBAO_SOURCE.id, { order, descending, modifiedFrom: from, modifiedTo: to });
      if (this.views.size >= VIEW_CACHE_SIZE) this.views.delete(this.views.keys().next().value as string);
      this.views.set(key, view);
    }
    return view;
  }

  /** The record, broken on the way out when the malformedRate fault says so. */
  private offer(index: number): SimOffer {
    const offer = this.world.offer(TAOBAO_SOURCE.id, index);
    return this.gate.breaksRecord('taobao') ? breakOffer(offer, BREAKABLE[this.gate.choose(BREAKABLE.length)] as DefectKind) : offer;
  }
}

/** A method parameter refused: 40 when it is missing, 41 when it is wrong. */
export function parameterError(error: z.ZodError): SandboxResponse {
  const issue = error.issues[0];
  const name = issue?.path.join('.') || 'parameter';
  const missing = issue?.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
  return missing ? missingParameter(name) : invalidParameter(name, issue?.message);
}
