import { createEvent, type SerializedEvent, serializeEvent } from '@supply-hub/contracts';
import { MongoOutboxStore } from '@supply-hub/mongo';
import { createTestDatabase, integrationEnv, KafkaTestCollector, type TestDatabase, uniqueName, waitFor } from '@supply-hub/testing';
import { createKafkaClient, KafkaEventPublisher, OutboxRelay, provisionTopics, stderrLogger } from '../index';
import { defineCounterIncremented } from '../testing/counter-events';

const COLLECTION = 'orders';

describe('two outbox relays on one collection', () => {
  const logger = stderrLogger('error');
  const kafka = createKafkaClient({ clientId: uniqueName('int-relays'), brokers: integrationEnv().kafkaBrokers, logger });
  const OrderCounted = defineCounterIncremented(uniqueName('supplyhub.test.relays'));
  const publishers = [new KafkaEventPublisher(kafka), new KafkaEventPublisher(kafka)];
  const relays: OutboxRelay[] = [];
  let database: TestDatabase;
  let collector: KafkaTestCollector;

  beforeAll(async () => {
    database = await createTestDatabase('int_relays');
    await provisionTopics(kafka, [OrderCounted.topic], { partitions: 6, logger });
    await Promise.all(publishers.map((publisher) => publisher.connect()));
    collector = await KafkaTestCollector.start(kafka, OrderCounted.topic);
  });

  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.stop()));
    await Promise.all(publishers.map((publisher) => publisher.disconnect()));
    await collector?.stop();
    await database.drop();
  });

  it('deliver every event at least once and leave no entry behind', async () => {
    const orders = database.db.collection<{ _id: string; status: string }>(COLLECTION);
    // The writer is another process than both relays: they find its documents by their periodic scan
    // (every 50 ms here, 60 s in the services), as they find what a crashed process left.
    const writer = new MongoOutboxStore(database.db, [COLLECTION]);
    const written: string[] = [];
    const accept = async (orderId: string) => {
      const events: SerializedEvent[] = [1, 2].map((by) =>
        serializeEvent(OrderCounted, createEvent(OrderCounted, { counterId: orderId, by }, { source: '/int-test' })),
      );
      written.push(...events.map((event) => event.eventId));
      await writer.insertOne(COLLECTION, { _id: orderId, status: 'accepted' }, events);
    };

    for (let i = 0; i < 60; i++) await accept(`order-${i}`);
    for (const publisher of publishers) {
      const store = new MongoOutboxStore(database.db, [COLLECTION], { fullScanIntervalMs: 50 });
      await store.ensureIndexes();
      relays.push(new OutboxRelay(store, publisher, { intervalMs: 10, batchSize: 15, logger }));
    }
    relays.forEach((relay) => relay.start());
    // More orders while both relays run. (Inserts: on FerretDB 1.24 an update racing another update of the
    // same document can be lost, relay or not; see libs/shared/mongo/src/lib/outbox/README.md.)
    for (let i = 60; i < 120; i++) await accept(`order-${i}`);

    const receivedIds = () => new Set(collector.messages.map((message) => message.headers.ce_id));
    await waitFor(() => written.every((eventId) => receivedIds().has(eventId)), {
      message: `all ${written.length} written events on Kafka (${written.filter((eventId) => !receivedIds().has(eventId)).length} missing)`,
      timeoutMs: 60_000,
    });
    await waitFor(async () => (await orders.countDocuments({ outboxPending: true })) === 0, { message: 'no outbox left pending' });
    const leftovers = (await orders.find({}).toArray()).filter((order) => (order as { outbox?: unknown[] }).outbox?.length !== 0);
    expect(leftovers).toEqual([]);
  });
});
