import { createEvent, SkuDelisted, SkuUpserted } from '@supply-hub/contracts';
import { createKafkaClient, KafkaEventPublisher, stderrLogger } from '@supply-hub/kafka';
import { PROCESSED_EVENT_LEDGER } from '@supply-hub/kafka/nest';
import type { MongoProcessedEventLedger } from '@supply-hub/mongo';
import { SELLABLE_SKU_STORE, type SellableSkuStore } from '@supply-hub/orders-domain';
import { createTestApiKey, describeBadConfig, describeServiceBasics, type TestService } from '@supply-hub/platform/testing';
import { integrationEnv, uniqueName, waitFor } from '@supply-hub/testing';
import { startOrderRouter } from './order-fixtures';

describe('order-router on the real Kafka and FerretDB', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startOrderRouter();
  });

  afterAll(async () => {
    await service?.close();
  });

  describeServiceBasics(() => service, {
    title: 'order-router',
    healthChecks: ['mongo', 'kafka'],
  });

  describe('tenant walls', () => {
    it('answers 401 without a key and 404 for another mall’s record', async () => {
      const mallA = await createTestApiKey(service, 'tenant', 'mall-a');
      const mallB = await createTestApiKey(service, 'tenant', 'mall-b');
      await service.http.get('/webhook-endpoints').expect(401);

      const created = await service.http
        .post('/webhook-endpoints')
        .set('X-Api-Key', mallA)
        .send({
          url: 'https://mall-a.example.com/hooks/supply-hub',
          eventTypes: [],
        })
        .expect(201);
      const id: string = created.body.id;

      await service.http.get(`/webhook-endpoints/${id}`).set('X-Api-Key', mallA).expect(200);
      const other = await service.http.get(`/webhook-endpoints/${id}`).set('X-Api-Key', mallB).expect(404);
      expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((await service.http.get('/webhook-endpoints').set('X-Api-Key', mallB).expect(200)).body.items).toEqual([]);
      await service.http.delete(`/webhook-endpoints/${id}`).set('X-Api-Key', mallB).expect(404);
      await service.http.get(`/webhook-endpoints/${id}`).set('X-Api-Key', mallA).expect(200);
    });
  });

  describe('catalog SKU events from catalog-sync', () => {
    const kafka = createKafkaClient({
      clientId: uniqueName('e2e-catalog-sync'),
      brokers: integrationEnv().kafkaBrokers,
      logger: stderrLogger('error'),
    });
    const catalogSync = new KafkaEventPublisher(kafka);

    beforeAll(() => catalogSync.connect());
    afterAll(() => catalogSync.disconnect());

    it('stores each event’s effect once, even when the same event is delivered twice', async () => {
      const skuId = uniqueName('sku');
      const upserted = createEvent(
        SkuUpserted,
        {
          skuId,
          title: '小米手环 9 NFC版',
          brand: '小米',
          categoryFamily: 'physical',
          contractPriceFen: 18900,
          supplyPriceFen: 18900,
          marketPriceFen: 24900,
          stock: 30,
          sellable: true,
          version: 1,
        },
        { source: '/catalog-sync' },
      );
      const delisted = createEvent(SkuDelisted, { skuId, reason: '品牌授权到期', version: 2 }, { source: '/catalog-sync' });
      // A relay that crashed after sending, before marking sent, sends the same event again.
      await catalogSync.publish(SkuUpserted, upserted, upserted);
      await catalogSync.publish(SkuDelisted, delisted);

      const store = service.app.get<SellableSkuStore>(SELLABLE_SKU_STORE);
      // Same key, same partition: once version 2 is stored, both copies of version 1 were consumed before it.
      const sku = await waitFor(
        async () => {
          const stored = await store.get(skuId);
          return stored?.version === 2 ? stored : undefined;
        },
        {
          message: `order-router's read model to reach version 2 of ${skuId}`,
        },
      );
      expect(sku).toMatchObject({
        skuId,
        title: '小米手环 9 NFC版',
        sellable: false,
        delistedReason: '品牌授权到期',
        stock: 30,
      });

      const ledger = service.app.get<MongoProcessedEventLedger>(PROCESSED_EVENT_LEDGER);
      expect(await ledger.countFor(service.consumerGroup, upserted.id)).toBe(1);
      expect(await ledger.countFor(service.consumerGroup, delisted.id)).toBe(1);
    });
  });
});

describeBadConfig('order-router', 'apps/order-router/src/main.ts', [
  {
    env: { KAFKA_BROKERS: 'localhost', MONGO_URL: 'mongodb://127.0.0.1:1', STAFF_TOKEN_SECRET: 'x'.repeat(32) },
    line: 'KAFKA_BROKERS: must list Kafka brokers as host:port[,host:port]',
  },
  {
    env: { KAFKA_BROKERS: '127.0.0.1:1', MONGO_URL: 'mongodb://127.0.0.1:1', STAFF_TOKEN_SECRET: 'short' },
    line: 'STAFF_TOKEN_SECRET: must be a secret of at least 32 characters',
  },
]);
