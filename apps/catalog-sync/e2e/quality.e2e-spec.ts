import { randomBytes } from 'node:crypto';
import { createEvent, OrderRouted, QualitySignalRaised, ShipmentSlaFlagged } from '@supply-hub/contracts';
import { createKafkaClient, KafkaEventPublisher, stderrLogger } from '@supply-hub/kafka';
import { createTestApiKey, type TestService, testStaffToken } from '@supply-hub/platform/testing';
import { integrationEnv, uniqueName, waitFor } from '@supply-hub/testing';
import { MongoCatalogStore } from '@supply-hub/catalog-data-access';
import { productDocument, startCatalogSync } from './catalog-fixtures';

interface ScoreBody {
  kind: string;
  subjectId: string;
  orderedUnits: number;
  problemUnits: number;
  complaintRate: number;
  lateDispatches: number;
  score?: number;
  breach?: string;
  signals: Record<string, number>;
}

/**
 * Quality scores in catalog-sync from the events order-router and aftersales publish, on the real Kafka
 * and FerretDB: routed units, confirmed problems and late dispatches make each subject's score over
 * 30 days, and a complaint rate above 3 % with at least 20 units is a breach staff see, with why.
 */
describe('quality scores in catalog-sync', () => {
  const publisher = new KafkaEventPublisher(createKafkaClient({ clientId: uniqueName('e2e-quality'), brokers: integrationEnv().kafkaBrokers, logger: stderrLogger('error') }));
  const skuId = `sku_${randomBytes(10).toString('hex')}`;
  const supplier = uniqueName('sup');
  const warehouse = `wh-${randomBytes(4).toString('hex')}`;
  let service: TestService;
  let staff: string;

  beforeAll(async () => {
    service = await startCatalogSync({ env: { SYNC_RESUME_ON_START: 'false' } });
    await publisher.connect();
    staff = await testStaffToken(['quality'], 'quality-li');
    // The SKU is in the catalog, approved and selling, so a breach has something to suspend.
    await service.app.get(MongoCatalogStore).products.insertOne(productDocument(skuId, { title: '破壁机 Y1', brand: uniqueName('brand'), subcategory: '破壁机', sourceId: supplier }));
  }, 120_000);

  afterAll(async () => {
    await publisher.disconnect();
    await service?.close();
  });

  const scoreOf = async (kind: string, id: string): Promise<ScoreBody | undefined> => {
    const answer = await service.http.get(`/quality/scores/${kind}/${id}`).set('Authorization', `Bearer ${staff}`);
    return answer.status === 200 ? answer.body : undefined;
  };
  const orderId = () => `ord_${randomBytes(10).toString('hex')}`;
  const signal = (units: number, kind: 'damage' | 'defect') =>
    createEvent(
      QualitySignalRaised,
      { signalId: uniqueName('qs'), caseId: `cas_${randomBytes(10).toString('hex')}`, kind, skuId, quantity: units, supplierSourceId: supplier, orderId: orderId(), at: new Date().toISOString() },
      { source: '/aftersales', tenantId: 'mall-a' },
    );

  it('scores a SKU, its supplier and a warehouse from routed units, problems and late dispatches; breaches above 3 %', async () => {
    // 25 units of the SKU: 15 drop-shipped by the supplier, 10 from the warehouse.
    await publisher.publish(
      OrderRouted,
      createEvent(
        OrderRouted,
        {
          orderId: orderId(),
          mallOrderId: 'M-1',
          parcels: [
            { shipmentId: 'shp_a-1', kind: 'drop-ship', supplier: { sourceId: supplier, externalId: 'x1' }, lines: [{ lineId: '1', skuId, quantity: 15 }] },
            { shipmentId: 'shp_a-2', kind: 'warehouse', warehouseId: warehouse, lines: [{ lineId: '1', skuId, quantity: 10 }] },
          ],
          backorderedLineIds: [],
          refusedLineIds: [],
          virtualLineIds: [],
        },
        { source: '/order-router', tenantId: 'mall-a' },
      ),
    );
    await waitFor(async () => (await scoreOf('sku', skuId))?.orderedUnits === 25, { timeoutMs: 120_000, intervalMs: 200, message: 'the SKU’s 25 routed units' });
    expect(await scoreOf('sku', skuId)).toMatchObject({ kind: 'sku', subjectId: skuId, orderedUnits: 25, problemUnits: 0, score: 100 });
    expect(await scoreOf('warehouse', warehouse)).toMatchObject({ orderedUnits: 10 });
    expect((await scoreOf('warehouse', warehouse))?.score).toBeUndefined(); // fewer than 20 units: not judged

    await publisher.publish(QualitySignalRaised, signal(1, 'damage'));
    await waitFor(async () => (await scoreOf('sku', skuId))?.problemUnits === 1, { timeoutMs: 60_000, intervalMs: 200, message: 'the first signal' });
    expect(await scoreOf('sku', skuId)).toMatchObject({ complaintRate: 0.04, score: 60, signals: { damage: 1 } });
    // One problem unit in 25 is 4 %: already above 3 %.
    expect((await scoreOf('sku', skuId))?.breach).toBe('complaint rate 4.0% over 30 days (1 of 25 units) is above 3.0%');
    // The breach suspends the SKU at once, saying why, by the quality monitor (in the audit log too).
    const curation = (await service.http.get(`/curation/skus/${skuId}`).set('Authorization', `Bearer ${staff}`).expect(200)).body;
    expect(curation).toMatchObject({
      status: 'suspended',
      sellable: false,
      decision: { by: 'system:quality', reason: 'quality: complaint rate 4.0% over 30 days (1 of 25 units) is above 3.0%' },
    });
    const admin = await testStaffToken(['admin']);
    const audit = (await service.http.get('/audit').query({ entityKind: 'sku', entityId: skuId }).set('Authorization', `Bearer ${admin}`).expect(200)).body.items;
    expect(audit).toEqual([expect.objectContaining({ action: 'sku.suspend', actor: { kind: 'system', sub: 'quality-monitor' } })]);
    await publisher.publish(QualitySignalRaised, signal(1, 'defect'));
    await waitFor(async () => (await scoreOf('sku', skuId))?.problemUnits === 2, { timeoutMs: 60_000, intervalMs: 200, message: 'the second signal' });
    expect(await scoreOf('supplier', supplier)).toMatchObject({ orderedUnits: 15, problemUnits: 2, signals: { damage: 1, defect: 1 } });

    const breaches = (await service.http.get('/quality/breaches').set('Authorization', `Bearer ${staff}`).expect(200)).body.items as ScoreBody[];
    expect(breaches.find((item) => item.subjectId === skuId)).toMatchObject({ kind: 'sku', breach: 'complaint rate 8.0% over 30 days (2 of 25 units) is above 3.0%' });

    await publisher.publish(
      ShipmentSlaFlagged,
      createEvent(
        ShipmentSlaFlagged,
        { shipmentId: 'shp_a-2', orderId: orderId(), warehouseId: warehouse, level: 'breached', dispatchBy: new Date().toISOString(), at: new Date().toISOString() },
        { source: '/order-router', tenantId: 'mall-a' },
      ),
    );
    await waitFor(async () => (await scoreOf('warehouse', warehouse))?.lateDispatches === 1, { timeoutMs: 60_000, intervalMs: 200, message: 'the late dispatch' });
  }, 300_000);

  it('is for quality, curator and admin staff only', async () => {
    const mall = await createTestApiKey(service, 'tenant', uniqueName('mall'));
    await service.http.get('/quality/breaches').set('X-Api-Key', mall).expect(403);
    await service.http.get('/quality/breaches').set('Authorization', `Bearer ${await testStaffToken(['operations'])}`).expect(403);
    await service.http.get('/quality/breaches').expect(401);
    await service.http.get('/quality/scores/sku/nobody').set('Authorization', `Bearer ${staff}`).expect(404);
  });
});
