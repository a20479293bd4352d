import { CodeStore, IssuanceStore } from '@supply-hub/codes-data-access';
import { spawnService, type SpawnedService, TEST_STAFF_TOKEN_SECRET, testStaffToken, type TestService } from '@supply-hub/platform/testing';
import { integrationEnv, uniqueName, waitFor, startGroupAtEnd } from '@supply-hub/testing';
import { EVENT_REGISTRY } from '@supply-hub/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { codesTestEnv, startVirtualCodes, VirtualLineSender } from './codes-fixtures';

const MAIN = 'apps/virtual-codes/src/main.ts';

/**
 * Two virtual-codes processes in one consumer group on one database, every line delivered twice: no code
 * may go to two lines, none may be lost. The in-process service (no Kafka consumer) only prepares and
 * inspects the data.
 */
describe('pool allocation by two virtual-codes processes on the real Kafka and FerretDB', () => {
  let service: TestService;
  let instances: SpawnedService[] = [];
  let sender: VirtualLineSender;
  const env = codesTestEnv();

  beforeAll(async () => {
    service = await startVirtualCodes({ env: { ...env, ISSUANCE_SWEEPS: 'false', WEBHOOK_DELIVERY_WORKER: 'false' }, transport: undefined });
    sender = await new VirtualLineSender().start();
  });

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await sender?.stop();
    await service?.close();
  });

  it('300 lines (each sent twice) for 250 codes: 250 issued with distinct codes, 50 waiting, nothing lost', async () => {
    const skuId = uniqueName('sku-card');
    const staff = await testStaffToken(['operations']);
    await service.http.put(`/virtual-products/${skuId}`).set('Authorization', `Bearer ${staff}`).send({ name: '京东E卡 50 元', fulfilment: 'pool', faceValueFen: 5000 }).expect(200);
    const rows = Array.from({ length: 250 }, (_, index) => `JDE-${String(index).padStart(6, '0')},${index}`);
    await service.http
      .post(`/pools/${skuId}/batches?faceValueFen=5000&costFen=4800&expiresAt=2027-12-31`)
      .set('Authorization', `Bearer ${staff}`)
      .set('Content-Type', 'text/csv')
      .send(['code,password', ...rows].join('\n'))
      .expect(201);

    // The pair's group starts at the topics' current ends, so no line sent after this is skipped while it joins.
    const group = uniqueName('e2e-codes-pair');
    await startGroupAtEnd(new Kafka({ clientId: group, brokers: integrationEnv().kafkaBrokers, logLevel: logLevel.NOTHING }), group, EVENT_REGISTRY.topicNames());
    const processEnv = {
      ...env,
      KAFKA_BROKERS: integrationEnv().kafkaBrokers.join(','),
      MONGO_URL: integrationEnv().mongoUrl,
      MONGO_DB: service.databaseName,
      KAFKA_CONSUMER_GROUP: group,
      STAFF_TOKEN_SECRET: TEST_STAFF_TOKEN_SECRET,
      ISSUANCE_SWEEPS: 'false',
      WEBHOOK_DELIVERY_WORKER: 'false',
      LOG_LEVEL: 'error',
    };
    instances = await Promise.all([spawnService(MAIN, processEnv), spawnService(MAIN, processEnv)]);
    const tenantId = uniqueName('mall');
    const events = Array.from({ length: 300 }, (_, index) => sender.event(tenantId, { orderId: `ord-${index}`, lineId: '1', skuId, quantity: 1 }));
    for (let start = 0; start < events.length; start += 50) {
      const chunk = events.slice(start, start + 50);
      await sender.send(...chunk, ...chunk);
    }

    const issuances = service.app.get(IssuanceStore);
    const settled = await waitFor(
      async () => {
        const all = await issuances.issuances.find({ tenantId }).toArray();
        return all.length === 300 && all.every((issuance) => issuance.status !== 'pending') ? all : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 500, message: '300 issuances taken in' },
    );
    const issued = settled.filter((issuance) => issuance.status === 'issued');
    expect(issued).toHaveLength(250);
    expect(settled.filter((issuance) => issuance.status === 'processing' && /waiting for codes/.test(issuance.reason ?? ''))).toHaveLength(50);
    const codeIds = issued.flatMap((issuance) => issuance.codeIds);
    expect(new Set(codeIds).size).toBe(250);
    const codes = await service.app.get(CodeStore).codes.find({ skuId }).toArray();
    expect(codes).toHaveLength(250);
    expect(codes.every((code) => code.status === 'allocated' && code.issuanceId !== undefined)).toBe(true);
    // Every allocated code is the one its issuance recorded: nothing allocated and forgotten.
    const recorded = new Map(issued.map((issuance) => [issuance._id, issuance.codeIds[0]]));
    expect(codes.filter((code) => recorded.get(code.issuanceId!) !== code._id)).toEqual([]);
  });
});
