import type { TaobaoSignMethod } from '@supply-hub/supplier-protocols';
import nock from 'nock';
import { fakeTimeSource } from '../../testing';
import { createTaobaoSupplierSource } from './create-taobao-supplier-source';

const BASE = 'http://top.test';

beforeAll(() => nock.disableNetConnect());
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});
afterEach(() => nock.cleanAll());

// The worked example at the end of the protocol notes, sent for real: the `sign` the gateway receives
// must be the one the notes give.
describe('TaobaoGateway signing', () => {
  it.each([
    ['md5', 'E40942E99A2CE839A6723FB7284328CE'],
    ['hmac', '58E7EF71C674626898A5A4E36BAD31DB'],
    ['hmac-sha256', '318ADDECC8CCC49C2BD07A90E64D83238AE6601BEE8D5AC502FA9450EF2564D4'],
  ] as const)('signs item.seller.get with %s as the worked example', async (signMethod: TaobaoSignMethod, expected) => {
    const { time } = fakeTimeSource({ startMs: Date.UTC(2026, 10, 22, 4, 0, 0) });
    const { gateway, http } = createTaobaoSupplierSource(
      {
        kind: 'taobao',
        id: 'taobao',
        baseUrl: `${BASE}/taobao/`,
        credentials: { appKey: '12345678', appSecret: 'helloworld', session: 'test-session' },
        signMethod,
      },
      { time },
    );
    let received: Record<string, string> = {};
    nock(BASE)
      .post('/taobao/router/rest')
      .reply(async (request: Request) => {
        received = Object.fromEntries(new URLSearchParams(await request.text()));
        return [200, { item_seller_get_response: { item: { num_iid: 520813250866 } } }];
      });

    const answer = await gateway.call('taobao.item.seller.get', { fields: 'num_iid,title,price', num_iid: '520813250866' });
    http.close();

    expect(answer).toEqual({ item: { num_iid: 520813250866 } });
    expect(received).toEqual({
      method: 'taobao.item.seller.get',
      app_key: '12345678',
      session: 'test-session',
      timestamp: '2026-11-22 12:00:00',
      format: 'json',
      v: '2.0',
      sign_method: signMethod,
      fields: 'num_iid,title,price',
      num_iid: '520813250866',
      sign: expected,
    });
  });
});
