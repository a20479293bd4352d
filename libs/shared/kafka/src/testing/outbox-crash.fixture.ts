// A service stand-in for the outbox crash test (outbox-crash.int-spec.ts), run as a child process with
// `node -r @swc-node/register`:
// Settings come from the environment (KAFKA_BROKERS, MONGO_URL, MONGO_DB, FIXTURE_*).
//   FIXTURE_MODE=write  accepts an order: one insert carrying the state and its event in the outbox,
//                       starts the relay (OUTBOX_RELAY_START_DELAY_MS holds it back), prints
//                       `WRITTEN <serialized event>` and waits to be killed.
//   FIXTURE_MODE=relay  a restart: runs the relay until the outbox is empty, prints `RELAYED`, exits.
import { createEvent, serializeEvent } from '@supply-hub/contracts';
import { envTypes, loadConfig } from '@supply-hub/config';
import { MongoOutboxStore } from '@supply-hub/mongo';
import { MongoClient } from 'mongodb';
import { z } from 'zod';
import { createKafkaClient, KafkaEventPublisher, OutboxRelay, stderrLogger } from '../index';
import { defineCounterIncremented } from './counter-events';

const config = loadConfig(
  z.object({
    KAFKA_BROKERS: envTypes.brokers(),
    MONGO_URL: envTypes.mongoUrl(),
    MONGO_DB: envTypes.databaseName('outbox_crash'),
    OUTBOX_RELAY_START_DELAY_MS: envTypes.integer({ min: 0, fallback: 0 }),
    FIXTURE_MODE: z.enum(['write', 'relay']),
    FIXTURE_TOPIC: z.string().min(1),
    FIXTURE_COLLECTION: z.string().min(1),
    FIXTURE_ORDER_ID: z.string().min(1),
  }),
);

async function main(): Promise<void> {
  const logger = stderrLogger('error', 'outbox-crash-fixture');
  const OrderCounted = defineCounterIncremented(config.FIXTURE_TOPIC);
  const client = await MongoClient.connect(config.MONGO_URL);
  const db = client.db(config.MONGO_DB);
  const kafka = createKafkaClient({ clientId: `outbox-crash-${config.FIXTURE_MODE}`, brokers: config.KAFKA_BROKERS, logger });
  const publisher = new KafkaEventPublisher(kafka);
  await publisher.connect();
  const store = new MongoOutboxStore(db, [config.FIXTURE_COLLECTION]);
  await store.ensureIndexes();
  const relay = new OutboxRelay(store, publisher, { intervalMs: 50, startDelayMs: config.OUTBOX_RELAY_START_DELAY_MS, logger });

  if (config.FIXTURE_MODE === 'write') {
    const event = serializeEvent(OrderCounted, createEvent(OrderCounted, { counterId: config.FIXTURE_ORDER_ID, by: 1 }, { source: '/outbox-crash-fixture' }));
    await store.insertOne(config.FIXTURE_COLLECTION, { _id: config.FIXTURE_ORDER_ID, status: 'accepted' }, [event]);
    relay.start();
    process.stdout.write(`WRITTEN ${JSON.stringify(event)}\n`);
    return; // the relay's timer keeps the process alive until the test kills it
  }

  relay.start();
  while ((await store.findPending(1)).length > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  await relay.stop();
  await publisher.disconnect();
  await client.close();
  process.stdout.write('RELAYED\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`outbox-crash fixture failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
