import path from 'node:path';
import type { SerializedEvent } from '@supply-hub/contracts';
import { createTestDatabase, integrationEnv, KafkaTestCollector, type TestDatabase, uniqueName } from '@supply-hub/testing';
import { createKafkaClient, provisionTopics, stderrLogger } from '../index';
import { runFixture } from '../testing/run-fixture';

const FIXTURE = path.join(__dirname, '../testing/outbox-crash.fixture.ts');
const ORDERS_COLLECTION = 'orders';

describe('the outbox across a crash', () => {
  const env = integrationEnv();
  const logger = stderrLogger('error');
  const kafka = createKafkaClient({ clientId: uniqueName('int-outbox-crash'), brokers: env.kafkaBrokers, logger });
  const topic = uniqueName('supplyhub.test.outbox-crash');
  let database: TestDatabase;
  let collector: KafkaTestCollector;

  beforeAll(async () => {
    database = await createTestDatabase('int_outbox_crash');
    await provisionTopics(kafka, [topic], { partitions: 6, logger });
    collector = await KafkaTestCollector.start(kafka, topic);
  });

  afterAll(async () => {
    await collector?.stop();
    await database.drop();
  });

  const messagesInTopic = async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      return (await admin.fetchTopicOffsets(topic)).reduce((sum, partition) => sum + Number(partition.high), 0);
    } finally {
      await admin.disconnect();
    }
  };

  it('publishes the event written with the state change after the writer was killed before relaying it', async () => {
    const fixtureEnv = {
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      MONGO_URL: env.mongoUrl,
      MONGO_DB: database.db.databaseName,
      FIXTURE_TOPIC: topic,
      FIXTURE_COLLECTION: ORDERS_COLLECTION,
      FIXTURE_ORDER_ID: 'order-1',
    };
    const orders = database.db.collection<{ _id: string }>(ORDERS_COLLECTION);

    const writer = runFixture(FIXTURE, { ...fixtureEnv, FIXTURE_MODE: 'write', OUTBOX_RELAY_START_DELAY_MS: '600000' });
    const written = JSON.parse(await writer.lineStartingWith('WRITTEN ')) as SerializedEvent;
    writer.child.kill('SIGKILL');
    expect(await writer.exited()).toEqual({ code: null, signal: 'SIGKILL' });

    const order = await orders.findOne({ _id: 'order-1' });
    expect(order).toMatchObject({ status: 'accepted', outboxPending: true, outbox: [expect.objectContaining({ eventId: written.eventId })] });
    expect(await messagesInTopic()).toBe(0);

    const restarted = runFixture(FIXTURE, { ...fixtureEnv, FIXTURE_MODE: 'relay', OUTBOX_RELAY_START_DELAY_MS: '0' });
    await restarted.lineStartingWith('RELAYED');
    expect(await restarted.exited()).toEqual({ code: 0, signal: null });

    const received = await collector.waitFor((message) => message.headers.ce_id === written.eventId, { message: `event ${written.eventId} on ${topic}` });
    expect(received.key).toBe(written.key);
    expect(received.value).toBe(written.value);
    expect(received.headers).toEqual(written.headers);
    expect(await messagesInTopic()).toBe(1);
    expect(await orders.findOne({ _id: 'order-1' })).toMatchObject({ outboxPending: false, outbox: [] });
  });
});
