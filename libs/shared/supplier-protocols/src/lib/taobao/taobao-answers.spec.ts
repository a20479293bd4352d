import { taobaoResponseKey } from './taobao-common-params';
import { isTaobaoRetryableError, taobaoErrorResponseSchema } from './taobao-error';
import { taobaoItemsOnsaleGetParamsSchema, taobaoItemsOnsaleGetResponseSchema } from './taobao-items-onsale-get';

describe('Taobao answers', () => {
  it('names the success wrapper after the method', () => {
    expect(taobaoResponseKey('taobao.item.seller.get')).toBe('item_seller_get_response');
    expect(taobaoResponseKey('taobao.items.onsale.get')).toBe('items_onsale_get_response');
    expect(taobaoResponseKey('taobao.tmc.messages.consume')).toBe('tmc_messages_consume_response');
  });

  it('retries platform faults and call limits, not the caller’s mistakes', () => {
    expect(isTaobaoRetryableError({ code: 15, sub_code: 'isp.remote-service-timeout' })).toBe(true);
    expect(isTaobaoRetryableError({ code: 7, sub_code: 'accesscontrol.limited-by-app-access-count' })).toBe(true);
    expect(isTaobaoRetryableError({ code: 15, sub_code: 'isv.item-not-exist' })).toBe(false);
    expect(isTaobaoRetryableError({ code: 25 })).toBe(false);
  });

  it('reads an error_response and a page of items', () => {
    expect(taobaoErrorResponseSchema.parse({ error_response: { code: 27, msg: 'Invalid session', request_id: 'r1' } }).error_response.code).toBe(27);
    const page = taobaoItemsOnsaleGetResponseSchema.parse({
      total_results: 1,
      items: {
        item: [{ num_iid: 520813250866, title: '电饭煲', price: '199.00', num: 5, cid: 50012097, approve_status: 'onsale', modified: '2026-11-22 12:00:00' }],
      },
    });
    expect(page.items?.item[0]?.price).toBe('199.00');
    expect(taobaoItemsOnsaleGetResponseSchema.parse({ total_results: 0 }).items).toBeUndefined();
  });

  it('refuses a page size above 200 and a malformed modified bound', () => {
    expect(taobaoItemsOnsaleGetParamsSchema.safeParse({ fields: 'num_iid', page_size: '200' }).success).toBe(true);
    expect(taobaoItemsOnsaleGetParamsSchema.safeParse({ fields: 'num_iid', page_size: '201' }).success).toBe(false);
    expect(taobaoItemsOnsaleGetParamsSchema.safeParse({ fields: 'num_iid', start_modified: '2026-11-22' }).success).toBe(false);
  });
});
