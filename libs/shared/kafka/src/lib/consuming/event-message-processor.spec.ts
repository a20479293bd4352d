import { createEvent, DEAD_LETTER_HEADERS, serializeEvent, SkuUpserted, type SkuUpsertedData } from '@supply-hub/contracts';
import { DependencyUnavailableError, NotFoundError, ValidationError } from '@supply-hub/errors';
import { silentLogger } from '../client/event-logger';
import type { IncomingMessage, OutgoingMessage } from '../publishing/kafka-message';
import { type EventContext, handlersByType, onEvent, onEvents } from './event-handler';
import { EventMessageProcessor, MAX_EVENTS_PER_BATCH } from './event-message-processor';
import { InMemoryProcessedEventLedger } from './in-memory-processed-event-ledger';
import { retryPolicyOf } from './retry-policy';
import { ConsumerStoppingError } from './wait';

const sku: SkuUpsertedData = {
  skuId: 'sku-1',
  title: '电饭煲',
  categoryFamily: 'physical',
  contractPriceFen: 15000,
  supplyPriceFen: 15000,
  marketPriceFen: 19900,
  stock: 5,
  sellable: true,
  version: 1,
};

function messageOf(value: Buffer | string | null, headers: Record<string, string> = {}): IncomingMessage {
  return { topic: SkuUpserted.topic, partition: 3, offset: '42', key: Buffer.from('sku-1'), value: value === null ? null : Buffer.from(value), headers };
}

function skuMessage(id = 'evt-1') {
  const serialized = serializeEvent(SkuUpserted, createEvent(SkuUpserted, sku, { source: '/catalog-sync', id }));
  return messageOf(serialized.value, serialized.headers);
}

function setUp(handle: (context: EventContext) => Promise<void>, overrides: { maxAttempts?: number; failDeadLetters?: boolean } = {}) {
  const ledger = new InMemoryProcessedEventLedger();
  const deadLetters: { topic: string; message: OutgoingMessage }[] = [];
  const sleeps: number[] = [];
  const received: unknown[] = [];
  let heartbeats = 0;
  const processor = new EventMessageProcessor({
    consumerGroup: 'order-router',
    handlers: [
      onEvent(SkuUpserted, async (event, context) => {
        received.push(event);
        await handle(context);
      }),
    ],
    ledger,
    deadLetters: {
      sendMessages: async (topic, messages) => {
        if (overrides.failDeadLetters) throw new Error('broker unavailable');
        deadLetters.push(...messages.map((message) => ({ topic, message })));
      },
    },
    retryPolicy: retryPolicyOf({ maxAttempts: overrides.maxAttempts ?? 3, initialDelayMs: 100, multiplier: 2, maxDelayMs: 1000, jitter: 0 }),
    heartbeatIntervalMs: 150,
    logger: silentLogger,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => new Date('2025-03-01T00:00:00.000Z'),
  });
  const heartbeat = async () => {
    heartbeats++;
  };
  const run = (message: IncomingMessage, signal = new AbortController().signal) => processor.process(message, heartbeat, signal);
  return { processor, ledger, deadLetters, sleeps, received, run, heartbeats: () => heartbeats };
}

describe('EventMessageProcessor', () => {
  it('hands the validated event to its handler and records it in the ledger', async () => {
    const contexts: EventContext[] = [];
    const { run, received, ledger, processor } = setUp(async (context) => {
      contexts.push(context);
    });
    await expect(run(skuMessage())).resolves.toBe('handled');
    expect(received).toEqual([expect.objectContaining({ id: 'evt-1', type: SkuUpserted.type, data: sku })]);
    expect(contexts[0]).toMatchObject({ consumerGroup: 'order-router', topic: SkuUpserted.topic, partition: 3, offset: '42', attempt: 1 });
    expect(ledger.records).toEqual([expect.objectContaining({ consumerGroup: 'order-router', eventId: 'evt-1', type: SkuUpserted.type, offset: '42' })]);
    expect(processor.stats).toMatchObject({ handled: 1, duplicates: 0 });
  });

  it('skips and counts an event the group has already handled', async () => {
    const { run, received, processor } = setUp(async () => undefined);
    await run(skuMessage('evt-1'));
    await expect(run(skuMessage('evt-1'))).resolves.toBe('duplicate');
    expect(received).toHaveLength(1);
    expect(processor.stats).toMatchObject({ handled: 1, duplicates: 1 });
  });

  it('neither reads nor writes the ledger for a handler idempotent by its own key, and runs it again on redelivery', async () => {
    const ledger = new InMemoryProcessedEventLedger();
    const isProcessed = jest.spyOn(ledger, 'isProcessed');
    const received: string[] = [];
    const processor = new EventMessageProcessor({
      consumerGroup: 'virtual-codes',
      handlers: [onEvent(SkuUpserted, async (event) => void received.push(event.id), { idempotent: true })],
      ledger,
      deadLetters: { sendMessages: async () => undefined },
      retryPolicy: retryPolicyOf({ maxAttempts: 3, initialDelayMs: 100, multiplier: 2, maxDelayMs: 1000, jitter: 0 }),
      heartbeatIntervalMs: 150,
      logger: silentLogger,
    });
    const run = () => processor.process(skuMessage('evt-1'), async () => undefined, new AbortController().signal);

    await expect(run()).resolves.toBe('handled');
    await expect(run()).resolves.toBe('handled');

    expect(received).toEqual(['evt-1', 'evt-1']);
    expect(isProcessed).not.toHaveBeenCalled();
    expect(ledger.records).toEqual([]);
    expect(processor.stats).toMatchObject({ handled: 2, duplicates: 0 });
  });

  it('ignores an event type it has no handler for', async () => {
    const { run, deadLetters, processor } = setUp(async () => undefined);
    const other = JSON.parse(skuMessage().value!.toString());
    await expect(run(messageOf(JSON.stringify({ ...other, type: 'supplyhub.catalog.sku-price-changed.v1' })))).resolves.toBe('ignored');
    expect(deadLetters).toEqual([]);
    expect(processor.stats.ignored).toBe(1);
  });

  it.each([
    ['not JSON', messageOf('{"id": ')],
    ['a tombstone', messageOf(null)],
    ['not a CloudEvent', messageOf('{"hello":"world"}')],
    ['invalid data', messageOf(JSON.stringify({ ...JSON.parse(skuMessage().value!.toString()), data: { ...sku, supplyPriceFen: 'cheap' } }))],
  ])('dead-letters %s at once, without running the handler or retrying', async (_case, message) => {
    const { run, deadLetters, sleeps, received } = setUp(async () => undefined);
    await expect(run(message)).resolves.toBe('dead-lettered');
    expect(received).toEqual([]);
    expect(sleeps).toEqual([]);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0].topic).toBe(`${SkuUpserted.topic}.dlq`);
    expect(deadLetters[0].message.headers).toMatchObject({
      [DEAD_LETTER_HEADERS.reason]: 'invalid-message',
      [DEAD_LETTER_HEADERS.attempts]: '0',
      [DEAD_LETTER_HEADERS.errorCode]: 'validation-failed',
    });
  });

  it('retries a failing handler with backoff and heartbeats, then succeeds', async () => {
    let calls = 0;
    const { run, sleeps, heartbeats, processor } = setUp(async () => {
      if (++calls < 3) throw new DependencyUnavailableError('mongo is restarting');
    });
    await expect(run(skuMessage())).resolves.toBe('handled');
    expect(calls).toBe(3);
    // 100 ms, then 200 ms sliced by the 150 ms heartbeat interval.
    expect(sleeps).toEqual([100, 150, 50]);
    expect(heartbeats()).toBe(3);
    expect(processor.stats).toMatchObject({ handled: 1, retries: 2, deadLettered: 0 });
  });

  it('dead-letters after the last attempt, keeping the message and describing the failure', async () => {
    const { run, deadLetters, received, processor } = setUp(async () => {
      throw new Error('handler bug');
    });
    const message = skuMessage();
    await expect(run(message)).resolves.toBe('dead-lettered');
    expect(received).toHaveLength(3);
    const [{ topic, message: letter }] = deadLetters;
    expect(topic).toBe('supplyhub.catalog.sku.v1.dlq');
    expect(letter.key).toEqual(message.key);
    expect(letter.value).toEqual(message.value);
    expect(letter.headers).toMatchObject({
      ...message.headers,
      [DEAD_LETTER_HEADERS.reason]: 'handler-failed',
      [DEAD_LETTER_HEADERS.errorName]: 'Error',
      [DEAD_LETTER_HEADERS.errorMessage]: 'handler bug',
      [DEAD_LETTER_HEADERS.consumerGroup]: 'order-router',
      [DEAD_LETTER_HEADERS.attempts]: '3',
      [DEAD_LETTER_HEADERS.sourceTopic]: 'supplyhub.catalog.sku.v1',
      [DEAD_LETTER_HEADERS.sourcePartition]: '3',
      [DEAD_LETTER_HEADERS.sourceOffset]: '42',
      [DEAD_LETTER_HEADERS.failedAt]: '2025-03-01T00:00:00.000Z',
    });
    expect(String(letter.headers[DEAD_LETTER_HEADERS.errorStack])).toContain('handler bug');
    expect(processor.stats).toMatchObject({ handled: 0, retries: 2, deadLettered: 1 });
  });

  it('dead-letters at once an error a retry cannot fix', async () => {
    const { run, deadLetters, received } = setUp(async () => {
      throw new NotFoundError('warehouse', 'wh-9');
    });
    await expect(run(skuMessage())).resolves.toBe('dead-lettered');
    expect(received).toHaveLength(1);
    expect(deadLetters[0].message.headers).toMatchObject({ [DEAD_LETTER_HEADERS.errorCode]: 'not-found', [DEAD_LETTER_HEADERS.attempts]: '1' });
  });

  it('fails (leaving the offset uncommitted) when the dead letter cannot be written', async () => {
    const { run } = setUp(
      async () => {
        throw new Error('x');
      },
      { failDeadLetters: true, maxAttempts: 1 },
    );
    await expect(run(skuMessage())).rejects.toThrow('broker unavailable');
  });

  it('stops retrying when the consumer is stopping', async () => {
    const controller = new AbortController();
    const { run, deadLetters } = setUp(async () => {
      controller.abort();
      throw new Error('x');
    });
    await expect(run(skuMessage(), controller.signal)).rejects.toBeInstanceOf(ConsumerStoppingError);
    expect(deadLetters).toEqual([]);
  });

  it('replaces the headers of an earlier dead-lettering when a replayed message fails again', async () => {
    const { run, deadLetters } = setUp(async () => undefined);
    await run(messageOf('garbage', { [DEAD_LETTER_HEADERS.attempts]: '5', [DEAD_LETTER_HEADERS.reason]: 'handler-failed', trace: 't-1' }));
    expect(deadLetters[0].message.headers).toMatchObject({
      trace: 't-1',
      [DEAD_LETTER_HEADERS.attempts]: '0',
      [DEAD_LETTER_HEADERS.reason]: 'invalid-message',
    });
  });
});

describe('EventMessageProcessor with a batch handler', () => {
  const at = (offset: number, message: IncomingMessage): IncomingMessage => ({ ...message, offset: String(offset) });

  function setUpBatch(handleMany: (ids: string[]) => Promise<void>) {
    const ledger = new InMemoryProcessedEventLedger();
    const isProcessed = jest.spyOn(ledger, 'isProcessed');
    const calls: string[][] = [];
    const deadLetters: OutgoingMessage[] = [];
    const processor = new EventMessageProcessor({
      consumerGroup: 'virtual-codes',
      handlers: [
        onEvents(SkuUpserted, async (events) => {
          const ids = events.map((event) => event.id);
          calls.push(ids);
          await handleMany(ids);
        }),
      ],
      ledger,
      deadLetters: { sendMessages: async (_topic, messages) => void deadLetters.push(...messages) },
      retryPolicy: retryPolicyOf({ maxAttempts: 2, initialDelayMs: 100, multiplier: 2, maxDelayMs: 1000, jitter: 0 }),
      heartbeatIntervalMs: 150,
      logger: silentLogger,
      sleep: async () => undefined,
    });
    const doneOffsets: string[] = [];
    const runAll = (messages: IncomingMessage[], keepGoing: (offset: string) => boolean = () => true) =>
      processor.processAll(
        messages,
        async () => undefined,
        new AbortController().signal,
        async (offset) => {
          doneOffsets.push(offset);
          return keepGoing(offset);
        },
      );
    return { processor, ledger, isProcessed, calls, deadLetters, doneOffsets, runAll };
  }

  it('hands a run of consecutive events over in one call, in order, and reports each run done at its last offset', async () => {
    const { calls, doneOffsets, deadLetters, runAll, processor, isProcessed, ledger } = setUpBatch(async () => undefined);
    await runAll([
      at(10, skuMessage('a')),
      at(11, skuMessage('b')),
      at(12, messageOf('not json')),
      at(13, skuMessage('c')),
      at(14, skuMessage('d')),
      at(15, skuMessage('e')),
    ]);

    // The invalid message ends the first run; it is dead-lettered on its own.
    expect(calls).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ]);
    expect(doneOffsets).toEqual(['11', '12', '15']);
    expect(deadLetters).toHaveLength(1);
    expect(processor.stats).toMatchObject({ handled: 5, deadLettered: 1 });
    // A batch handler is idempotent: no ledger.
    expect(isProcessed).not.toHaveBeenCalled();
    expect(ledger.records).toEqual([]);
  });

  it('hands over at most MAX_EVENTS_PER_BATCH events per call', async () => {
    const { calls, runAll } = setUpBatch(async () => undefined);
    await runAll(Array.from({ length: MAX_EVENTS_PER_BATCH + 3 }, (_, n) => at(n, skuMessage(`e${n}`))));
    expect(calls.map((ids) => ids.length)).toEqual([MAX_EVENTS_PER_BATCH, 3]);
  });

  it('handles the events of a failed batch one by one: the good ones are handled, the bad one dead-lettered', async () => {
    const { calls, deadLetters, runAll, processor, doneOffsets } = setUpBatch(async (ids) => {
      if (ids.includes('bad')) throw new ValidationError('account number is not a mobile number');
    });
    await runAll([at(1, skuMessage('a')), at(2, skuMessage('bad')), at(3, skuMessage('c'))]);

    expect(calls).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]!.headers).toMatchObject({ [DEAD_LETTER_HEADERS.reason]: 'handler-failed' });
    expect(processor.stats).toMatchObject({ handled: 2, deadLettered: 1 });
    expect(doneOffsets).toEqual(['3']);
  });

  it('retries an event of a failed batch on its own before it gives up on it', async () => {
    let failures = 0;
    const { calls, deadLetters, runAll, processor } = setUpBatch(async (ids) => {
      if (ids.length > 1 || (ids[0] === 'b' && failures++ === 0)) throw new DependencyUnavailableError('database');
    });
    await runAll([at(1, skuMessage('a')), at(2, skuMessage('b'))]);
    expect(calls).toEqual([['a', 'b'], ['a'], ['b'], ['b']]);
    expect(deadLetters).toEqual([]);
    expect(processor.stats).toMatchObject({ handled: 2, retries: 1 });
  });

  it('leaves the rest of the fetch when told to stop after a run', async () => {
    const { calls, runAll, doneOffsets } = setUpBatch(async () => undefined);
    await runAll([at(1, skuMessage('a')), at(2, messageOf('not json')), at(3, skuMessage('b'))], (offset) => offset !== '1');
    expect(calls).toEqual([['a']]);
    expect(doneOffsets).toEqual(['1']);
  });

  it('refuses a batch handler that is not idempotent', () => {
    const registration = { ...onEvents(SkuUpserted, async () => undefined), idempotent: false };
    expect(() => handlersByType([registration])).toThrow('must be idempotent');
  });
});
