import { DependencyUnavailableError } from '@supply-hub/errors';
import { JD_PATHS, jdGetPageNumResultSchema } from '@supply-hub/supplier-protocols';
import nock from 'nock';
import { SupplierRefusedError } from '../supplier-errors';
import { createJdClient } from './create-jd-client';
import { JD_SANDBOX_CREDENTIALS } from './jd-connection-config';

const BASE = 'http://jd.test';

/** A token endpoint handing out t1, t2 …, and the form of every business call. */
function fakeJd() {
  const calls: { path: string; form: Record<string, string> }[] = [];
  let tokens = 0;
  nock(BASE)
    .persist()
    .post(/\/oauth2\/(accessToken|refreshToken)/)
    .reply(() => {
      tokens++;
      return [
        200,
        {
          success: true,
          resultCode: '0000',
          result: { access_token: `t${tokens}`, refresh_token: 'r', expires_in: 86_400, time: Date.now(), refresh_token_expires: Date.now() + 3_600_000 },
        },
      ];
    });
  return { calls, tokens: () => tokens };
}

function client(http = {}) {
  return createJdClient({
    kind: 'jd',
    id: 'jd',
    baseUrl: `${BASE}/`,
    credentials: JD_SANDBOX_CREDENTIALS,
    http: { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 }, ...http },
  });
}

afterEach(() => nock.cleanAll());
afterAll(() => nock.restore());

describe('JdClient', () => {
  it('signs in once, then renews a rejected token and repeats the call once', async () => {
    const jd = fakeJd();
    const seen: string[] = [];
    nock(BASE)
      .post('/api/product/getPageNum')
      .times(3)
      .reply(async (request: Request) => {
        const token = new URLSearchParams(await request.text()).get('token') ?? '';
        seen.push(token);
        return token === 't1' && seen.length === 2
          ? [200, { success: false, resultCode: '1004', resultMessage: 'token已过期', result: null }]
          : [200, { success: true, resultCode: '0000', result: [{ name: 'p', page_num: '9001' }] }];
      });
    const { client: jdClient, http } = client();
    expect(await jdClient.call(JD_PATHS.getPageNum, {}, jdGetPageNumResultSchema)).toEqual([{ name: 'p', page_num: '9001' }]);
    expect(await jdClient.call(JD_PATHS.getPageNum, {}, jdGetPageNumResultSchema)).toHaveLength(1);
    expect(seen).toEqual(['t1', 't1', 't2']);
    expect(jd.tokens()).toBe(2);
    http.close();
  });

  it('throws SupplierRefusedError on success:false, with JD code and message', async () => {
    fakeJd();
    nock(BASE).post('/api/order/confirmOrder').reply(200, { success: false, resultCode: '3101', resultMessage: '订单不存在', result: null });
    const { client: jdClient, http } = client();
    const error = await jdClient.call(JD_PATHS.confirmOrder, { jdOrderId: '1' }, jdGetPageNumResultSchema).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SupplierRefusedError);
    expect((error as SupplierRefusedError).details).toMatchObject({ endpoint: 'jd:order/confirmOrder', supplierCode: '3101' });
    http.close();
  });

  it('tries a call once when told to, however the client retries others', async () => {
    fakeJd();
    let submits = 0;
    nock(BASE)
      .persist()
      .post('/api/order/submitOrder')
      .reply(() => {
        submits++;
        return [500, { success: false, resultCode: '5000', resultMessage: '系统异常', result: null }];
      });
    const { client: jdClient, http } = client();
    await expect(jdClient.answer(JD_PATHS.submitOrder, { thirdOrder: 'x' }, undefined, { maxAttempts: 1 })).rejects.toBeInstanceOf(DependencyUnavailableError);
    expect(submits).toBe(1);
    await expect(jdClient.answer(JD_PATHS.submitOrder, { thirdOrder: 'x' })).rejects.toBeInstanceOf(DependencyUnavailableError);
    expect(submits).toBe(4);
    http.close();
  });
});
