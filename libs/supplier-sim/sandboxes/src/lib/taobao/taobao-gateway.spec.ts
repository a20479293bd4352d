import { TAOBAO_SOURCE } from '@supply-hub/sim-catalog-data';
import { formatBeijingTime, taobaoSign, type TaobaoSignMethod } from '@supply-hub/supplier-protocols';
import { sandboxWorld, TAOBAO_TEST_CREDENTIALS, testClock, WORKED_EXAMPLE_TIME } from '../testing/sandbox-fixtures';
import { TaobaoGateway } from './taobao-gateway';
import { TaobaoMethods } from './taobao-methods';

/** The worked example of the protocol notes, with the signatures it gives per sign_method. */
const WORKED = {
  method: 'taobao.item.seller.get',
  app_key: '12345678',
  session: 'test-session',
  timestamp: '2026-11-22 12:00:00',
  format: 'json',
  v: '2.0',
  fields: 'num_iid,title,price',
  num_iid: '520813250866',
};
const WORKED_SIGNS: [TaobaoSignMethod, string][] = [
  ['md5', 'E40942E99A2CE839A6723FB7284328CE'],
  ['hmac', '58E7EF71C674626898A5A4E36BAD31DB'],
  ['hmac-sha256', '318ADDECC8CCC49C2BD07A90E64D83238AE6601BEE8D5AC502FA9450EF2564D4'],
];

function setup(skus = 2_000) {
  const clock = testClock();
  const { world, gate } = sandboxWorld({ skus, clock: clock.now });
  const gateway = new TaobaoGateway(gate, new TaobaoMethods(world, gate), TAOBAO_TEST_CREDENTIALS, clock.now);
  const raw = async (params: Record<string, string>) => JSON.parse(String((await gateway.handle(params)).body));
  /** A correctly signed call at the clock's time. */
  const call = (params: Record<string, string>, signMethod: TaobaoSignMethod = 'md5') => {
    const all = {
      app_key: '12345678',
      session: 'test-session',
      timestamp: formatBeijingTime(clock.now()),
      format: 'json',
      v: '2.0',
      sign_method: signMethod,
      ...params,
    };
    return raw({ ...all, sign: taobaoSign(all, 'helloworld', signMethod) });
  };
  return { world, clock, raw, call };
}

describe('Taobao gateway: common parameters', () => {
  it.each(WORKED_SIGNS)('accepts the worked example signed with %s (and reaches the method)', async (signMethod, sign) => {
    const { raw } = setup();
    const answer = await raw({ ...WORKED, sign_method: signMethod, sign });
    // 520813250866 is not one of the sandbox's items: the call got past every check to the method itself.
    expect(answer.error_response).toMatchObject({ code: 15, sub_code: 'isv.item-not-exist' });
  });

  it('refuses a tampered parameter or signature with code 25', async () => {
    const { raw } = setup();
    expect((await raw({ ...WORKED, sign_method: 'md5', sign: 'E40942E99A2CE839A6723FB7284328CF' })).error_response).toMatchObject({
      code: 25,
      msg: 'Invalid signature',
    });
    expect((await raw({ ...WORKED, sign_method: 'md5', sign: WORKED_SIGNS[0]![1], num_iid: '520813250867' })).error_response).toMatchObject({ code: 25 });
    // The md5 signature presented as hmac does not verify either.
    expect((await raw({ ...WORKED, sign_method: 'hmac', sign: WORKED_SIGNS[0]![1] })).error_response).toMatchObject({ code: 25 });
  });

  it('refuses a wrong app key (29), a stale timestamp (31), missing (40) and invalid (41) parameters', async () => {
    const { raw, call, clock } = setup();
    expect((await raw({ ...WORKED, app_key: '87654321', sign: 'X' })).error_response).toMatchObject({ code: 29 });
    clock.advance(10 * 60_000 + 1_000);
    expect((await raw({ ...WORKED, sign_method: 'md5', sign: WORKED_SIGNS[0]![1] })).error_response).toMatchObject({ code: 31 });
    expect((await raw({ ...WORKED, timestamp: '2026/11/22 12:00', sign: 'X' })).error_response).toMatchObject({ code: 31 });
    expect((await raw({ method: 'taobao.item.seller.get', app_key: '12345678' })).error_response).toMatchObject({
      code: 40,
      sub_code: 'isv.missing-parameter',
    });
    expect((await call({ method: 'taobao.items.onsale.get', fields: 'num_iid', page_size: '201' })).error_response).toMatchObject({
      code: 41,
      sub_code: 'isv.invalid-parameter',
    });
    expect((await call({ method: 'taobao.item.seller.get', fields: 'num_iid' })).error_response).toMatchObject({ code: 40 });
    expect((await call({ method: 'taobao.items.onsale.get', fields: 'num_iid' }, 'md5')).items_onsale_get_response).toBeDefined();
  });

  it('refuses an unknown sign_method with code 41', async () => {
    const { raw } = setup();
    expect((await raw({ ...WORKED, sign_method: 'sha1', sign: 'X' })).error_response).toMatchObject({ code: 41 });
  });

  it('refuses unknown methods (22) and sessions (27)', async () => {
    const { call } = setup();
    expect((await call({ method: 'taobao.trades.sold.get', fields: 'tid' })).error_response).toMatchObject({ code: 22 });
    expect((await call({ method: 'taobao.items.onsale.get', fields: 'num_iid', session: 'other' })).error_response).toMatchObject({ code: 27 });
  });
});

describe('Taobao gateway: items', () => {
  it('pages all on-sale items once, with only the requested fields', async () => {
    const { call, world } = setup();
    const ids: number[] = [];
    for (let page = 1; ; page++) {
      const answer = (
        await call({ method: 'taobao.items.onsale.get', fields: 'num_iid,title', page_no: String(page), page_size: '200', order_by: 'list_time:asc' })
      ).items_onsale_get_response;
      expect(answer.total_results).toBe(world.count(TAOBAO_SOURCE.id));
      if (!answer.items) break;
      for (const item of answer.items.item) expect(Object.keys(item).sort()).toEqual(['num_iid', 'title']);
      ids.push(...answer.items.item.map((item: { num_iid: number }) => item.num_iid));
    }
    expect(ids).toHaveLength(world.count(TAOBAO_SOURCE.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('caps deep paging at page_no × page_size ≤ 10,000', async () => {
    const { call } = setup(40_000);
    const ok = await call({ method: 'taobao.items.onsale.get', fields: 'num_iid', page_no: '50', page_size: '200' });
    expect(ok.items_onsale_get_response.items.item).toHaveLength(200);
    const refused = await call({ method: 'taobao.items.onsale.get', fields: 'num_iid', page_no: '51', page_size: '200' });
    expect(refused.error_response).toMatchObject({ code: 41, sub_code: 'isv.page-limit-exceeded' });
    expect((await call({ method: 'taobao.items.onsale.get', fields: 'num_iid', page_no: '251' })).error_response).toMatchObject({
      sub_code: 'isv.page-limit-exceeded',
    });
  });

  it('filters by modified time and shows changes as recently modified, delisted ones as instock', async () => {
    const { call, world, clock } = setup();
    const round = world.applyChanges({ priceMoves: 40, delistings: 20, newSkus: 10 }, WORKED_EXAMPLE_TIME - 60_000);
    const changed = round.changes.filter((change) => change.sourceId === TAOBAO_SOURCE.id);
    const stillListed = changed.filter((change) => change.kind !== 'delisting');
    const window = { start_modified: formatBeijingTime(round.at), end_modified: formatBeijingTime(clock.now()) };
    const answer = (await call({ method: 'taobao.items.onsale.get', fields: 'num_iid,modified', page_size: '200', order_by: 'modified:asc', ...window }))
      .items_onsale_get_response;
    expect(answer.total_results).toBe(stillListed.length);
    expect(answer.items.item.map((item: { num_iid: number }) => String(item.num_iid)).sort()).toEqual(stillListed.map((c) => c.externalId).sort());
    const delisted = changed.find((change) => change.kind === 'delisting')!;
    const item = (await call({ method: 'taobao.item.seller.get', fields: 'num_iid,approve_status,modified', num_iid: delisted.externalId }))
      .item_seller_get_response.item;
    expect(item).toEqual({ num_iid: Number(delisted.externalId), approve_status: 'instock', modified: formatBeijingTime(round.at) });
  });
});
