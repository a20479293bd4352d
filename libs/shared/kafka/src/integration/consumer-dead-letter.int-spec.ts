import { createEvent, DEAD_LETTER_HEADERS, deadLetterTopicOf, serializeEvent } from '@supply-hub/contracts';
import { MongoProcessedEventLedger } from '@supply-hub/mongo';
import { createTestDatabase, integrationEnv, KafkaTestCollector, type TestDatabase, uniqueName, waitFor } from '@supply-hub/testing';
import { createKafkaClient, KafkaEventConsumer, KafkaEventPublisher, onEvent, provisionTopics, stderrLogger } from '../index';
import { defineCounterIncremented } from '../testing/counter-events';

describe('a handler that always fails', () => {
  const logger = stderrLogger('error');
  const kafka = createKafkaClient({ clientId: uniqueName('int-dlq'), brokers: integrationEnv().kafkaBrokers, logger });
  const CounterIncremented = defineCounterIncremented(uniqueName('supplyhub.test.dlq'));
  const publisher = new KafkaEventPublisher(kafka);
  let database: TestDatabase;
  let consumer: KafkaEventConsumer;
  let deadLetters: KafkaTestCollector;

  beforeAll(async () => {
    database = await createTestDatabase('int_dlq');
    await provisionTopics(kafka, [CounterIncremented.topic], { partitions: 6, logger });
    await publisher.connect();
    deadLetters = await KafkaTestCollector.start(kafka, deadLetterTopicOf(CounterIncremented.topic));
  });

  afterAll(async () => {
    await consumer?.stop();
    await deadLetters?.stop();
    await publisher.disconnect();
    await database.drop();
  });

  it('dead-letters the message after the retries, with the error, and the partition keeps moving', async () => {
    const ledger = new MongoProcessedEventLedger(database.db);
    await ledger.ensureIndexes();
    const handled: { id: string; partition: number }[] = [];
    const groupId = uniqueName('int-dlq-group');
    consumer = new KafkaEventConsumer(kafka, {
      groupId,
      ledger,
      deadLetters: publisher,
      logger: stderrLogger('error'),
      retryPolicy: { maxAttempts: 3, initialDelayMs: 50, maxDelayMs: 200 },
      handlers: [
        onEvent(CounterIncremented, async (event, context) => {
          if (event.data.by < 0) throw new Error(`counters never go down (got ${event.data.by})`);
          handled.push({ id: event.id, partition: context.partition });
        }),
      ],
    });
    await consumer.start();

    const poison = createEvent(CounterIncremented, { counterId: 'c-7', by: -1 }, { source: '/int-test' });
    const next = createEvent(CounterIncremented, { counterId: 'c-7', by: 1 }, { source: '/int-test' });
    const poisonMessage = serializeEvent(CounterIncremented, poison);
    await publisher.publishSerialized([poisonMessage]);
    await publisher.publish(CounterIncremented, next);

    const letter = await deadLetters.waitFor((message) => message.headers.ce_id === poison.id, { message: 'the poison message on the dead-letter topic' });
    expect(letter.key).toBe('c-7');
    expect(letter.value).toBe(poisonMessage.value);
    expect(letter.headers).toMatchObject({
      ...poisonMessage.headers,
      [DEAD_LETTER_HEADERS.reason]: 'handler-failed',
      [DEAD_LETTER_HEADERS.errorMessage]: 'counters never go down (got -1)',
      [DEAD_LETTER_HEADERS.consumerGroup]: groupId,
      [DEAD_LETTER_HEADERS.attempts]: '3',
      [DEAD_LETTER_HEADERS.sourceTopic]: CounterIncremented.topic,
      [DEAD_LETTER_HEADERS.sourceOffset]: '0',
    });
    expect(letter.headers[DEAD_LETTER_HEADERS.errorStack]).toContain('counters never go down');

    // The next message for the same key sits on the same partition, behind the poison one.
    const [handledNext] = await waitFor(() => handled.length > 0 && handled, { message: 'the message after the poison one to be handled' });
    expect(handledNext.id).toBe(next.id);
    expect(String(handledNext.partition)).toBe(letter.headers[DEAD_LETTER_HEADERS.sourcePartition]);
    // The consumer counts a message as handled once its ledger entry is written, just after the handler returns.
    await waitFor(() => consumer.stats.handled > 0, { message: 'the handled count to include the next message' });
    expect(consumer.stats).toMatchObject({ handled: 1, retries: 2, deadLettered: 1 });
    expect(await ledger.isProcessed(groupId, poison.id)).toBe(false);
  });
});
