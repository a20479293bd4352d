import { JD_RESULT_CODES, type JdProductDetail } from '@supply-hub/supplier-protocols';
import nock from 'nock';

type Reply = [number, string | object, Record<string, string>?];
export interface JdCall {
  path: string;
  form: Record<string, string>;
}

/**
 * A JD API in memory behind nock, just enough of it for adapter specs: tokens, pools paged by
 * `idsPerPage`, details, batch calls and a message queue. `faults` are answered instead of the real
 * thing, first matching path first, each once.
 */
export class FakeJd {
  readonly calls: JdCall[] = [];
  readonly faults: { path: string; reply: Reply | (() => Reply); delayMs?: number }[] = [];
  pools: { name: string; page_num: string; skuIds: number[] }[] = [];
  idsPerPage = 3;
  details = new Map<number, unknown>();
  messages: { id: string; type: number; time: string; result: Record<string, unknown> }[] = [];
  validTokens = new Set<string>();
  private issued = 0;

  constructor(readonly base: string) {}

  install(): nock.Scope {
    return (
      nock(this.base)
        .persist()
        .post(/.*/)
        // nock 15 hands reply functions a fetch Request.
        .reply(async (request: Request) => this.answer(request.url, await request.text())) as nock.Scope
    );
  }

  addPool(page_num: string, skuIds: number[]): void {
    this.pools.push({ name: `pool ${page_num}`, page_num, skuIds });
    for (const sku of skuIds) this.details.set(sku, detailOf(sku));
  }

  callsTo(path: string): JdCall[] {
    return this.calls.filter((call) => call.path === path);
  }

  expireTokens(): void {
    this.validTokens.clear();
  }

  private answer(url: string, body: string): Reply | Promise<Reply> {
    const path = new URL(url).pathname.replace(/^\/jd\//, '');
    const form = Object.fromEntries(new URLSearchParams(body));
    this.calls.push({ path, form });
    const faultIndex = this.faults.findIndex((fault) => fault.path === path);
    if (faultIndex >= 0) {
      const [fault] = this.faults.splice(faultIndex, 1);
      const reply = typeof fault.reply === 'function' ? fault.reply() : fault.reply;
      return fault.delayMs ? new Promise((resolve) => setTimeout(() => resolve(reply), fault.delayMs)) : reply;
    }
    if (path === 'oauth2/accessToken' || path === 'oauth2/refreshToken') return ok(this.issue());
    if (!this.validTokens.has(form['token']))
      return [200, { success: false, resultCode: JD_RESULT_CODES.tokenExpired, resultMessage: 'token已过期', result: null }];
    return ok(this.business(path, form));
  }

  private issue() {
    const n = ++this.issued;
    this.validTokens.add(`access-${n}`);
    return { access_token: `access-${n}`, refresh_token: `refresh-${n}`, expires_in: 86400, time: 1_000, refresh_token_expires: 1_000 + 30 * 86400_000 };
  }

  private business(path: string, form: Record<string, string>): unknown {
    const skus = (form['sku'] ?? '').split(',').map(Number);
    switch (path) {
      case 'api/product/getPageNum':
        return this.pools.map(({ name, page_num }) => ({ name, page_num }));
      case 'api/product/getSkuByPage': {
        const pool = this.pools.find((candidate) => candidate.page_num === form['pageNum']);
        const pageNo = Number(form['pageNo']);
        const ids = pool?.skuIds ?? [];
        return { pageCount: Math.ceil(ids.length / this.idsPerPage), skuIds: ids.slice((pageNo - 1) * this.idsPerPage, pageNo * this.idsPerPage) };
      }
      case 'api/product/getDetail':
        return this.details.get(Number(form['sku'])) ?? null;
      case 'api/product/skuState':
        return skus.map((sku) => ({ sku, state: 1 }));
      case 'api/price/getSellPrice':
        return skus.map((skuId) => ({ skuId, price: 99.5, jdPrice: 129 }));
      case 'api/stock/getNewStockById':
        return (JSON.parse(form['skuNums']) as { skuId: number }[]).map(({ skuId }) => ({
          skuId,
          areaId: form['area'],
          stockStateId: 33,
          stockStateDesc: '有货',
          remainNum: skuId % 50,
        }));
      case 'api/message/get':
        return this.messages.slice(0, 100);
      case 'api/message/del': {
        const ids = new Set(form['id'].split(','));
        this.messages = this.messages.filter((message) => !ids.has(message.id));
        return true;
      }
      default:
        return null;
    }
  }
}

export function detailOf(sku: number): JdProductDetail {
  return {
    sku,
    name: `美的电饭煲 ${sku}`,
    brandName: '美的',
    category: '家用电器;厨房小电;电饭煲',
    weight: '3.2',
    imagePath: `https://img.example/${sku}.jpg`,
    upc: '6901234567892',
    saleUnit: '台',
    introduction: '<p>好用</p>',
    param: '容量:4L;功率:860W',
  };
}

function ok(result: unknown): Reply {
  return [200, { success: true, resultCode: JD_RESULT_CODES.success, resultMessage: '', result }];
}
