import { createTestDatabase, type TestDatabase } from '@supply-hub/testing';
import { MongoProcessedEventLedger } from './mongo-processed-event-ledger';

const record = (consumerGroup: string, eventId: string) => ({
  consumerGroup,
  eventId,
  type: 'supplyhub.test.thing-happened.v1',
  topic: 't',
  partition: 0,
  offset: '1',
  processedAt: new Date(),
});

describe('MongoProcessedEventLedger', () => {
  let database: TestDatabase;
  let ledger: MongoProcessedEventLedger;

  beforeAll(async () => {
    database = await createTestDatabase('int_ledger');
    ledger = new MongoProcessedEventLedger(database.db);
    await ledger.ensureIndexes();
  });

  afterAll(() => database.drop());

  it('remembers an event per consumer group, once', async () => {
    expect(await ledger.isProcessed('order-router', 'e1')).toBe(false);
    await ledger.markProcessed(record('order-router', 'e1'));
    await ledger.markProcessed(record('order-router', 'e1'));
    expect(await ledger.isProcessed('order-router', 'e1')).toBe(true);
    expect(await ledger.isProcessed('aftersales', 'e1')).toBe(false);
    expect(await ledger.countFor('order-router', 'e1')).toBe(1);
  });

  it('builds the unique index at start-up', async () => {
    const indexes = await database.db.collection('processed_events').indexes();
    expect(indexes).toContainEqual(expect.objectContaining({ name: 'consumer_group_event_id_unique', unique: true, key: { consumerGroup: 1, eventId: 1 } }));
  });
});
