import type { SerializedEvent } from '@supply-hub/contracts';
import { silentLogger } from '../client/event-logger';
import { OutboxRelay } from './outbox-relay';
import type { OutboxStore, PendingOutbox, PublishedOutbox } from './outbox-store';

const entry = (eventId: string, key = 'agg'): SerializedEvent => ({
  eventId,
  type: 'supplyhub.test.thing-happened.v1',
  topic: 'supplyhub.test.thing.v1',
  key,
  value: `{"id":"${eventId}"}`,
  headers: { ce_id: eventId },
});

interface FakeDocument {
  entries: SerializedEvent[];
  pending: boolean;
}

/** Behaves like the Mongo store: removes exactly the given ids from the document as it is now. */
class FakeOutboxStore implements OutboxStore<string> {
  readonly documents = new Map<string, FakeDocument>();
  /** The documents of each removePublished call. */
  readonly removals: string[][] = [];
  /** Runs between a document being read and its published entries being removed (a concurrent writer). */
  beforeRemove: (id: string) => void = () => undefined;

  write(id: string, ...eventIds: string[]) {
    const document = this.documents.get(id) ?? { entries: [], pending: false };
    document.entries.push(...eventIds.map((eventId) => entry(eventId, id)));
    document.pending = true;
    this.documents.set(id, document);
  }

  async findPending(limit: number): Promise<PendingOutbox<string>[]> {
    return [...this.documents.entries()]
      .filter(([, document]) => document.pending)
      .slice(0, limit)
      .map(([id, document]) => ({ ref: id, entries: [...document.entries] }));
  }

  async removePublished(published: readonly PublishedOutbox<string>[]): Promise<void> {
    this.removals.push(published.map((item) => item.ref));
    for (const { ref: id, eventIds } of published) {
      this.beforeRemove(id);
      const document = this.documents.get(id)!;
      document.entries = document.entries.filter((candidate) => !eventIds.includes(candidate.eventId));
      document.pending = document.entries.length > 0;
    }
  }

  pendingIds(): string[] {
    return [...this.documents.values()].flatMap((document) => document.entries.map((candidate) => candidate.eventId));
  }
}

class FakePublisher {
  readonly published: string[] = [];
  failFor = new Set<string>();
  sends = 0;

  async publishSerialized(events: readonly SerializedEvent[]): Promise<void> {
    this.sends++;
    await Promise.resolve();
    if (events.some((event) => this.failFor.has(event.eventId))) throw new Error('broker said no');
    this.published.push(...events.map((event) => event.eventId));
  }
}

function setUp(options: { batchSize?: number; startDelayMs?: number; intervalMs?: number } = {}) {
  const store = new FakeOutboxStore();
  const publisher = new FakePublisher();
  const relay = new OutboxRelay(store, publisher, { logger: silentLogger, ...options });
  return { store, publisher, relay };
}

describe('OutboxRelay', () => {
  afterEach(() => jest.useRealTimers());

  it('publishes each document’s entries in order and removes them', async () => {
    const { store, publisher, relay } = setUp();
    store.write('order-1', 'e1', 'e2');
    store.write('order-2', 'e3');
    await expect(relay.runOnce()).resolves.toEqual({ documents: 2, published: 3, failed: 0 });
    expect(publisher.published).toEqual(['e1', 'e2', 'e3']);
    expect(store.pendingIds()).toEqual([]);
    expect([...store.documents.values()].every((document) => !document.pending)).toBe(true);
    // A whole pass: one send, one removal batch.
    expect(publisher.sends).toBe(1);
    expect(store.removals).toEqual([['order-1', 'order-2']]);
  });

  it('keeps the entries when publishing fails, without holding back other documents', async () => {
    const { store, publisher, relay } = setUp();
    store.write('order-1', 'e1');
    store.write('order-2', 'e2', 'e3');
    publisher.failFor.add('e3');
    await expect(relay.runOnce()).resolves.toEqual({ documents: 2, published: 1, failed: 2 });
    expect(publisher.published).toEqual(['e1']);
    expect(store.pendingIds()).toEqual(['e2', 'e3']);
    expect(store.documents.get('order-2')!.pending).toBe(true);

    publisher.failFor.clear();
    await relay.runOnce();
    expect(publisher.published).toEqual(['e1', 'e2', 'e3']);
    expect(store.pendingIds()).toEqual([]);
  });

  it('removes only what it published when a writer appended entries meanwhile', async () => {
    const { store, publisher, relay } = setUp();
    store.write('order-1', 'e1');
    store.beforeRemove = (id) => {
      store.beforeRemove = () => undefined;
      store.write(id, 'e2');
    };
    await relay.runOnce();
    expect(publisher.published).toEqual(['e1']);
    expect(store.pendingIds()).toEqual(['e2']);
    expect(store.documents.get('order-1')!.pending).toBe(true);
    await relay.runOnce();
    expect(publisher.published).toEqual(['e1', 'e2']);
  });

  it('publishes again (never loses) what it could not mark as sent', async () => {
    const { store, publisher, relay } = setUp();
    store.write('order-1', 'e1');
    store.beforeRemove = () => {
      store.beforeRemove = () => undefined;
      throw new Error('database went away');
    };
    await relay.runOnce();
    await relay.runOnce();
    expect(publisher.published).toEqual(['e1', 'e1']);
    expect(store.pendingIds()).toEqual([]);
  });

  it('loses nothing with two relays working on the same documents', async () => {
    const { store, publisher } = setUp();
    const other = new OutboxRelay(store, publisher, { logger: silentLogger, batchSize: 3 });
    const relay = new OutboxRelay(store, publisher, { logger: silentLogger, batchSize: 2 });
    const written: string[] = [];
    for (let i = 0; i < 20; i++) {
      store.write(`order-${i % 7}`, `e${i}`);
      written.push(`e${i}`);
      if (i % 3 === 0) await Promise.all([relay.runOnce(), other.runOnce()]);
    }
    await Promise.all([relay.flush(), other.flush()]);
    expect(new Set(publisher.published)).toEqual(new Set(written));
    expect(store.pendingIds()).toEqual([]);
  });

  it('flush relays everything pending across several batches, then stops', async () => {
    const { store, publisher, relay } = setUp({ batchSize: 2 });
    for (let i = 0; i < 5; i++) store.write(`order-${i}`, `e${i}`);
    await relay.flush();
    expect(publisher.published).toHaveLength(5);
    expect(store.pendingIds()).toEqual([]);
  });

  it('flush gives up when nothing can be published, leaving the entries pending', async () => {
    const { store, publisher, relay } = setUp();
    store.write('order-1', 'e1');
    publisher.failFor.add('e1');
    await relay.flush(60_000);
    expect(store.pendingIds()).toEqual(['e1']);
  });

  it('waits for the start delay, then relays on every interval until stopped', async () => {
    jest.useFakeTimers();
    const { store, publisher, relay } = setUp({ startDelayMs: 5_000, intervalMs: 100 });
    store.write('order-1', 'e1');
    relay.start();
    await jest.advanceTimersByTimeAsync(4_999);
    expect(publisher.published).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(publisher.published).toEqual(['e1']);
    store.write('order-2', 'e2');
    await jest.advanceTimersByTimeAsync(100);
    expect(publisher.published).toEqual(['e1', 'e2']);
    await relay.stop();
    store.write('order-3', 'e3');
    await jest.advanceTimersByTimeAsync(1_000);
    expect(publisher.published).toEqual(['e1', 'e2']);
  });

  it('relays at once when poked, and once more right after a pass that was poked during it', async () => {
    jest.useFakeTimers();
    const { store, publisher, relay } = setUp({ intervalMs: 60_000 });
    relay.start();
    await jest.advanceTimersByTimeAsync(0);
    store.write('order-1', 'e1');
    relay.poke();
    await jest.advanceTimersByTimeAsync(0);
    expect(publisher.published).toEqual(['e1']);
    // A write during a pass is not waited for until the interval.
    store.beforeRemove = () => {
      store.beforeRemove = () => undefined;
      store.write('order-2', 'e2');
      relay.poke();
    };
    store.write('order-3', 'e3');
    relay.poke();
    await jest.advanceTimersByTimeAsync(10);
    expect(publisher.published).toEqual(['e1', 'e3', 'e2']);
    await relay.stop();
    store.write('order-4', 'e4');
    relay.poke();
    await jest.advanceTimersByTimeAsync(120_000);
    expect(publisher.published).toEqual(['e1', 'e3', 'e2']);
  });

  it('a poke does not cut the start delay short', async () => {
    jest.useFakeTimers();
    const { store, publisher, relay } = setUp({ startDelayMs: 5_000, intervalMs: 100 });
    relay.start();
    store.write('order-1', 'e1');
    relay.poke();
    await jest.advanceTimersByTimeAsync(4_999);
    expect(publisher.published).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(publisher.published).toEqual(['e1']);
    await relay.stop();
  });
});
