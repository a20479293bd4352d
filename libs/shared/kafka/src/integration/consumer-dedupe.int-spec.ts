import { createEvent } from '@supply-hub/contracts';
import { MongoProcessedEventLedger } from '@supply-hub/mongo';
import { createTestDatabase, integrationEnv, type TestDatabase, uniqueName, waitFor } from '@supply-hub/testing';
import { createKafkaClient, KafkaEventConsumer, KafkaEventPublisher, onEvent, provisionTopics, stderrLogger } from '../index';
import { defineCounterIncremented } from '../testing/counter-events';

describe('a consumer with the Mongo ledger', () => {
  const logger = stderrLogger('error');
  const kafka = createKafkaClient({ clientId: uniqueName('int-dedupe'), brokers: integrationEnv().kafkaBrokers, logger });
  const CounterIncremented = defineCounterIncremented(uniqueName('supplyhub.test.dedupe'));
  const publisher = new KafkaEventPublisher(kafka);
  let database: TestDatabase;
  let consumer: KafkaEventConsumer;

  beforeAll(async () => {
    database = await createTestDatabase('int_dedupe');
    await provisionTopics(kafka, [CounterIncremented.topic], { partitions: 6, logger });
    await publisher.connect();
  });

  afterAll(async () => {
    await consumer?.stop();
    await publisher.disconnect();
    await database.drop();
  });

  it('handles an event delivered twice only once', async () => {
    const ledger = new MongoProcessedEventLedger(database.db);
    await ledger.ensureIndexes();
    const counters = database.db.collection<{ _id: string; value: number }>('counters');
    const groupId = uniqueName('int-dedupe-group');
    consumer = new KafkaEventConsumer(kafka, {
      groupId,
      ledger,
      deadLetters: publisher,
      logger,
      handlers: [
        onEvent(CounterIncremented, async (event) => {
          await counters.updateOne({ _id: event.data.counterId }, { $inc: { value: event.data.by } }, { upsert: true });
        }),
      ],
    });
    await consumer.start();

    const event = createEvent(CounterIncremented, { counterId: 'c-1', by: 5 }, { source: '/int-test' });
    // The same event published twice (as a relay does after a crash between publishing and marking sent).
    await publisher.publish(CounterIncremented, event);
    await publisher.publish(CounterIncremented, event);
    const next = createEvent(CounterIncremented, { counterId: 'c-1', by: 1 }, { source: '/int-test' });
    await publisher.publish(CounterIncremented, next);

    await waitFor(() => consumer.stats.handled === 2 && consumer.stats.duplicates === 1, {
      message: `two events handled and one duplicate skipped (stats ${JSON.stringify(consumer.stats)})`,
    });
    expect(await counters.findOne({ _id: 'c-1' })).toEqual({ _id: 'c-1', value: 6 });
    expect(await ledger.countFor(groupId, event.id)).toBe(1);
    expect(await ledger.countFor(groupId)).toBe(2);
  });
});
