import { type TaobaoItem, taobaoResponseKey, verifyTaobaoSign } from '@supply-hub/supplier-protocols';
import nock from 'nock';

type Reply = [number, string | object, Record<string, string>?];

/**
 * A TOP gateway in memory behind nock: checks every signature with the shared verifier, serves
 * items.onsale.get (modified window, modified:asc, deep-paging cap) and item.seller.get. `faults` are
 * answered instead, first matching method first, each once.
 */
export class FakeTaobao {
  readonly calls: Record<string, string>[] = [];
  readonly faults: { method: string; reply: Reply; delayMs?: number }[] = [];
  items: TaobaoItem[] = [];
  cap = 10_000;

  constructor(
    readonly base: string,
    readonly secret: string,
  ) {}

  install(): void {
    nock(this.base)
      .persist()
      .post('/taobao/router/rest')
      .reply(async (request: Request) => this.answer(Object.fromEntries(new URLSearchParams(await request.text()))));
  }

  callsOf(method: string): Record<string, string>[] {
    return this.calls.filter((call) => call['method'] === method);
  }

  private answer(form: Record<string, string>): Reply | Promise<Reply> {
    this.calls.push(form);
    const faultIndex = this.faults.findIndex((fault) => fault.method === form['method']);
    if (faultIndex >= 0) {
      const [fault] = this.faults.splice(faultIndex, 1);
      return fault.delayMs ? new Promise((resolve) => setTimeout(() => resolve(fault.reply), fault.delayMs)) : fault.reply;
    }
    if (!verifyTaobaoSign(form, this.secret)) return error(25, 'Invalid signature');
    const key = taobaoResponseKey(form['method']);
    if (form['method'] === 'taobao.item.seller.get') {
      const item = this.items.find((candidate) => String(candidate.num_iid) === form['num_iid']);
      return item ? [200, { [key]: { item } }] : error(15, 'Remote service error', 'isv.item-not-exist');
    }
    const pageNo = Number(form['page_no'] ?? 1);
    const pageSize = Number(form['page_size'] ?? 40);
    if (pageNo * pageSize > this.cap) return error(41, 'Invalid arguments', 'isv.page-limit-exceeded');
    const matching = this.items
      .filter(
        (item) => (!form['start_modified'] || item.modified >= form['start_modified']) && (!form['end_modified'] || item.modified <= form['end_modified']),
      )
      .sort((a, b) => a.modified.localeCompare(b.modified) || a.num_iid - b.num_iid);
    const item = matching.slice((pageNo - 1) * pageSize, pageNo * pageSize);
    return [200, { [key]: { total_results: matching.length, ...(item.length ? { items: { item } } : {}), request_id: 'r' } }];
  }
}

export function taobaoItemOf(numIid: number, modified: string): TaobaoItem {
  return {
    num_iid: numIid,
    title: `九阳豆浆机 ${numIid}`,
    price: '299.00',
    num: 12,
    cid: 50012097,
    approve_status: 'onsale',
    modified,
    barcode: '6901234567892',
    brand: '九阳',
    cat_path: '家用电器>厨房小电>豆浆机',
    pic_url: `https://img.example/${numIid}.jpg`,
    item_imgs: { item_img: [{ url: `https://img.example/${numIid}-2.jpg`, position: 1 }] },
  };
}

export function error(code: number, msg: string, subCode?: string): Reply {
  return [200, { error_response: { code, msg, ...(subCode ? { sub_code: subCode, sub_msg: subCode } : {}), request_id: 'r' } }];
}
