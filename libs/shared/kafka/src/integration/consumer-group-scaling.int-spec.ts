import { createEvent } from '@supply-hub/contracts';
import { MongoProcessedEventLedger } from '@supply-hub/mongo';
import { createTestDatabase, integrationEnv, type TestDatabase, uniqueName, waitFor } from '@supply-hub/testing';
import { createKafkaClient, KafkaEventConsumer, KafkaEventPublisher, onEvent, provisionTopics, stderrLogger } from '../index';
import { defineCounterIncremented } from '../testing/counter-events';

const PARTITIONS = 6;
const EVENTS = 60;

describe('two consumers in one group', () => {
  const logger = stderrLogger('error');
  const kafka = createKafkaClient({ clientId: uniqueName('int-scale'), brokers: integrationEnv().kafkaBrokers, logger });
  const CounterIncremented = defineCounterIncremented(uniqueName('supplyhub.test.scale'));
  const publisher = new KafkaEventPublisher(kafka);
  const consumers: KafkaEventConsumer[] = [];
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('int_scale');
    await provisionTopics(kafka, [CounterIncremented.topic], { partitions: PARTITIONS, logger });
    await publisher.connect();
  });

  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    await publisher.disconnect();
    await database.drop();
  });

  it('split the partitions between them and handle every message once', async () => {
    const ledger = new MongoProcessedEventLedger(database.db);
    await ledger.ensureIndexes();
    const groupId = uniqueName('int-scale-group');
    const handledBy: Record<string, string[]> = { first: [], second: [] };
    for (const name of ['first', 'second']) {
      consumers.push(
        new KafkaEventConsumer(kafka, {
          groupId,
          ledger,
          deadLetters: publisher,
          logger,
          handlers: [
            onEvent(CounterIncremented, async (event) => {
              handledBy[name].push(event.id);
            }),
          ],
        }),
      );
    }
    await Promise.all(consumers.map((consumer) => consumer.start()));

    const partitionsOf = (consumer: KafkaEventConsumer) => consumer.assignment()[CounterIncremented.topic] ?? [];
    const [first, second] = await waitFor(
      () => {
        const [a, b] = consumers.map(partitionsOf);
        const union = new Set([...a, ...b]);
        return a.length > 0 && b.length > 0 && union.size === PARTITIONS && a.length + b.length === PARTITIONS && [a, b];
      },
      { message: `both consumers to own a share of the ${PARTITIONS} partitions (now ${JSON.stringify(consumers.map(partitionsOf))})` },
    );
    expect([...first, ...second].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(first.filter((partition) => second.includes(partition))).toEqual([]);

    const events = Array.from({ length: EVENTS }, (_, i) => createEvent(CounterIncremented, { counterId: `counter-${i}`, by: 1 }, { source: '/int-test' }));
    await publisher.publish(CounterIncremented, ...events);

    const all = await waitFor(
      () => {
        const handled = [...handledBy.first, ...handledBy.second];
        return handled.length >= EVENTS && handled;
      },
      { message: `${EVENTS} events handled (so far ${handledBy.first.length} + ${handledBy.second.length})` },
    );
    expect(all).toHaveLength(EVENTS);
    expect(new Set(all)).toEqual(new Set(events.map((event) => event.id)));
    expect(handledBy.first.length).toBeGreaterThan(0);
    expect(handledBy.second.length).toBeGreaterThan(0);
    expect(await ledger.countFor(groupId)).toBe(EVENTS);
  });
});
