import { startTestService, type TestService } from '@supply-hub/platform/testing';
import { formatBeijingTime, type JdMessage, type JdPool } from '@supply-hub/supplier-protocols';
import { jdAllSkuIds, jdLogin, jdPost, simServiceOptions, simStats, taobaoGet } from './support/sim-clients';

describe('supplier-sim: change rounds seen through the protocols', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService(simServiceOptions());
  });

  afterAll(async () => {
    await service?.close();
  });

  it('queues JD messages for JD changes until they are deleted, and shows Taobao changes as modified items', async () => {
    const before = formatBeijingTime(Date.now() - 1000);
    const round = (await service.http.post('/sim/changes').send({ priceMoves: 60, delistings: 20, newSkus: 20, detailChanges: 10, stockOuts: 30 }).expect(200))
      .body;
    expect(round.counts).toEqual({ 'new-sku': 20, price: 60, 'stock-out': 30, delisting: 20, detail: 10 });
    const jd = round.bySource['jd'];
    const expectedMessages = (jd.price ?? 0) + (jd.delisting ?? 0) + (jd['new-sku'] ?? 0) + (jd.detail ?? 0);
    expect(round.jdMessagesQueued).toBe(expectedMessages);

    const { access_token: token } = await jdLogin(service);
    const messages = (await jdPost(service, 'api/message/get', { token, type: '2,4,6,16' })).result as {
      id: string;
      type: number;
      result: { skuId: number };
    }[];
    expect(messages).toHaveLength(expectedMessages);
    expect(messages.filter((m) => m.type === 2)).toHaveLength(jd.price ?? 0);
    for (const skuId of round.samples['jd'].price ?? []) expect(messages.some((m) => m.type === 2 && m.result['skuId'] === Number(skuId))).toBe(true);
    // New SKUs are in the last pool: a full pull now finds them.
    const ids = await jdAllSkuIds(service, token);
    expect(ids).toHaveLength((await simStats(service)).world.sources['jd']!.skus);
    for (const skuId of round.samples['jd']['new-sku'] ?? []) expect(ids).toContain(Number(skuId));

    // Acknowledge half; the rest comes back.
    const half = messages.slice(0, Math.floor(messages.length / 2));
    await jdPost(service, 'api/message/del', { token, id: half.map((m) => m.id).join(',') });
    const left = (await jdPost<JdMessage[]>(service, 'api/message/get', { token, type: '2,4,6,16' })).result;
    expect(left.map((m) => m.id)).toEqual(messages.slice(half.length).map((m) => m.id));

    const taobao = round.bySource['taobao'];
    const listedChanges = (taobao.price ?? 0) + (taobao['stock-out'] ?? 0) + (taobao['new-sku'] ?? 0) + (taobao.detail ?? 0);
    const modified = (
      await taobaoGet(service, {
        method: 'taobao.items.onsale.get',
        fields: 'num_iid,modified',
        page_size: '200',
        start_modified: before,
        end_modified: formatBeijingTime(Date.now() + 1000),
        order_by: 'modified:asc',
      })
    ).items_onsale_get_response!;
    expect(modified.total_results).toBe(listedChanges);
    expect(modified.items!.item.every((item) => item.modified! >= before)).toBe(true);
  });

  it('moves the catalog while a client pages when changesBetweenPages is set', async () => {
    const { access_token: token } = await jdLogin(service);
    const versionsBefore = (await simStats(service)).world.sources;
    try {
      await service.http
        .post('/sim/faults')
        .send({ jd: { changesBetweenPages: 5 } })
        .expect(200);
      const pools = (await jdPost<JdPool[]>(service, 'api/product/getPageNum', { token })).result;
      await jdPost(service, 'api/product/getSkuByPage', { token, pageNum: pools[0]!.page_num, pageNo: '1' });
      const unchanged = (await simStats(service)).world.sources;
      expect(unchanged).toEqual(versionsBefore);
      await jdPost(service, 'api/product/getSkuByPage', { token, pageNum: pools[0]!.page_num, pageNo: '2' });
      const after = (await simStats(service)).world.sources;
      const bumps = Object.keys(after).reduce((sum, id) => sum + after[id]!.version - versionsBefore[id]!.version, 0);
      expect(bumps).toBe(5);
    } finally {
      await service.http
        .post('/sim/faults')
        .send({ jd: { changesBetweenPages: 0 } })
        .expect(200);
    }
  });
});
