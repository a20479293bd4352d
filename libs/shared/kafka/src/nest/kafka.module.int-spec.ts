import { Controller, type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, Payload } from '@nestjs/microservices';
import { InjectConnection } from '@nestjs/mongoose';
import { type CloudEvent, createEvent, DEAD_LETTER_HEADERS, deadLetterTopicOf, defineEvent, serializeEvent } from '@supply-hub/contracts';
import { ValidationError } from '@supply-hub/errors';
import { MongoModule, MongoOutboxStore, MongoProcessedEventLedger } from '@supply-hub/mongo';
import { createTestDatabase, integrationEnv, KafkaTestCollector, type TestDatabase, uniqueName, waitFor } from '@supply-hub/testing';
import { Kafka } from 'kafkajs';
import { Connection } from 'mongoose';
import { createKafkaClient, type KafkaEventConsumer, KafkaEventPublisher, stderrLogger } from '../index';
import { type CounterIncrementedData, defineCounterIncremented } from '../testing/counter-events';
import { KafkaEventContext } from './kafka-event.context';
import { KafkaEventsStrategy } from './kafka-events.strategy';
import { KafkaHealth } from './kafka-health.service';
import { KafkaModule } from './kafka.module';
import { OnEvent, OnEvents } from './on-event.decorator';
import { z } from 'zod';

const env = integrationEnv();
const CounterIncremented = defineCounterIncremented(uniqueName('supplyhub.test.nest'));
const attempts: number[] = [];
const CounterTallied = defineEvent({
  type: 'supplyhub.test.counter-tallied.v1',
  topic: uniqueName('supplyhub.test.nest-batch'),
  description: 'Test event: a tally mark for a counter, handled in batches',
  tenantScoped: false,
  schema: z.object({ counterId: z.string().min(1), mark: z.number().int() }),
  keyOf: (data) => data.counterId,
});
const tallyCalls: number[][] = [];
const auditedMarks: number[] = [];

@Controller()
class CounterConsumer {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  @OnEvent(CounterIncremented)
  async onCounterIncremented(@Payload() event: CloudEvent<CounterIncrementedData>, @Ctx() context: KafkaEventContext): Promise<void> {
    attempts.push(context.event.attempt);
    if (event.data.by < 0) throw new ValidationError('counters never go down', [{ path: 'by', message: 'must not be negative' }]);
    await this.connection
      .db!.collection<{ _id: string; value: number }>('counters')
      .updateOne({ _id: event.data.counterId }, { $inc: { value: event.data.by } }, { upsert: true });
  }
}

@Controller()
class TallyConsumer {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  // Idempotent per event: a mark is stored under its own _id.
  @OnEvents(CounterTallied)
  async onCountersTallied(events: readonly CloudEvent<{ counterId: string; mark: number }>[]): Promise<void> {
    tallyCalls.push(events.map((event) => event.data.mark));
    await this.connection
      .db!.collection<{ _id: string; counterId: string }>('tally_marks')
      .bulkWrite(
        events.map((event) => ({ replaceOne: { filter: { _id: event.id }, replacement: { _id: event.id, counterId: event.data.counterId }, upsert: true } })),
      );
  }
}

// A second controller on the same event type, one event at a time: Nest chains the two handlers, and each
// must still get its own form of the events.
@Controller()
class TallyAuditConsumer {
  @OnEvent(CounterTallied, { idempotent: true })
  async onCounterTallied(event: CloudEvent<{ counterId: string; mark: number }>): Promise<void> {
    auditedMarks.push(event.data.mark);
  }
}

function appModule(databaseName: string, groupId: string) {
  @Module({
    imports: [
      MongoModule.forRootAsync({ useFactory: () => ({ url: env.mongoUrl, dbName: databaseName }) }),
      KafkaModule.forRoot({
        clientId: 'nest-int-test',
        brokers: env.kafkaBrokers,
        groupId,
        partitions: 6,
        topics: [CounterIncremented.topic, CounterTallied.topic],
        outboxCollections: ['orders'],
        outboxRelay: { intervalMs: 20 },
        retryPolicy: { maxAttempts: 3, initialDelayMs: 20 },
      }),
    ],
    controllers: [CounterConsumer, TallyConsumer, TallyAuditConsumer],
  })
  class TestAppModule {}
  return TestAppModule;
}

describe('KafkaModule in a hybrid Nest app', () => {
  const kafka: Kafka = createKafkaClient({ clientId: uniqueName('int-nest'), brokers: env.kafkaBrokers, logger: stderrLogger('error') });
  const groupId = uniqueName('int-nest-group');
  let database: TestDatabase;
  let app: INestApplication;
  let events: KafkaTestCollector;
  let deadLetters: KafkaTestCollector;

  beforeAll(async () => {
    database = await createTestDatabase('int_nest');
    app = await NestFactory.create(appModule(database.db.databaseName, groupId), { logger: ['error'] });
    app.connectMicroservice({ strategy: app.get(KafkaEventsStrategy) });
    await app.startAllMicroservices();
    await app.init();
    events = await KafkaTestCollector.start(kafka, CounterIncremented.topic);
    deadLetters = await KafkaTestCollector.start(kafka, deadLetterTopicOf(CounterIncremented.topic));
  });

  afterAll(async () => {
    await app?.close();
    await events?.stop();
    await deadLetters?.stop();
    await database.drop();
  });

  const consumer = () => app.get(KafkaEventsStrategy).unwrap<KafkaEventConsumer>();

  it('reports the broker healthy', async () => {
    await expect(app.get(KafkaHealth).check()).resolves.toMatchObject({ status: 'up', brokers: 1 });
  });

  it('runs @OnEvent handlers with the validated event and records them in the ledger', async () => {
    const event = createEvent(CounterIncremented, { counterId: 'c-1', by: 2 }, { source: '/int-test' });
    await app.get(KafkaEventPublisher).publish(CounterIncremented, event);
    await waitFor(() => consumer().stats.handled === 1, { message: 'the event handled by the Nest consumer' });
    expect(await database.db.collection<{ _id: string; value: number }>('counters').findOne({ _id: 'c-1' })).toEqual({ _id: 'c-1', value: 2 });
    expect(await new MongoProcessedEventLedger(database.db).countFor(groupId, event.id)).toBe(1);
  });

  it('sees the handler’s own error: a ValidationError is dead-lettered without retries', async () => {
    attempts.length = 0;
    const event = createEvent(CounterIncremented, { counterId: 'c-2', by: -3 }, { source: '/int-test' });
    await app.get(KafkaEventPublisher).publish(CounterIncremented, event);
    const letter = await deadLetters.waitFor((message) => message.headers.ce_id === event.id, { message: 'the rejected event on the dead-letter topic' });
    expect(letter.headers).toMatchObject({
      [DEAD_LETTER_HEADERS.errorCode]: 'validation-failed',
      [DEAD_LETTER_HEADERS.errorName]: 'ValidationError',
      [DEAD_LETTER_HEADERS.attempts]: '1',
    });
    expect(letter.headers[DEAD_LETTER_HEADERS.errorMessage]).toContain('counters never go down');
    expect(attempts).toEqual([1]);
  });

  it('hands a run of events to an @OnEvents handler in one call, in order, without the ledger, and each event to an @OnEvent handler of the same type', async () => {
    const marks = Array.from({ length: 30 }, (_, n) => n);
    const serialized = marks.map((mark) =>
      serializeEvent(CounterTallied, createEvent(CounterTallied, { counterId: 'tally-1', mark }, { source: '/int-test' })),
    );
    // One produce request, one key: one partition's record batch, fetched together.
    await app.get(KafkaEventPublisher).publishSerialized(serialized);
    await waitFor(async () => (await database.db.collection('tally_marks').countDocuments({ counterId: 'tally-1' })) === 30, {
      message: 'every tally mark stored',
    });
    await waitFor(() => auditedMarks.length === 30, { message: 'every tally mark seen by the one-at-a-time handler' });
    expect(tallyCalls.flat()).toEqual(marks);
    expect(tallyCalls.some((call) => call.length > 1)).toBe(true);
    expect(auditedMarks).toEqual(marks);
    expect(await new MongoProcessedEventLedger(database.db).countFor(groupId, serialized[0]!.eventId)).toBe(0);
  });

  it('relays outbox entries written with a state change', async () => {
    const event = serializeEvent(CounterIncremented, createEvent(CounterIncremented, { counterId: 'order-9', by: 1 }, { source: '/int-test' }));
    await app.get(MongoOutboxStore).insertOne('orders', { _id: 'order-9', status: 'accepted' }, [event]);
    const received = await events.waitFor((message) => message.headers.ce_id === event.eventId, { message: 'the outbox event on Kafka' });
    expect(received.value).toBe(event.value);
  });
});
