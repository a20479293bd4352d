import type { SerializedEvent } from '@supply-hub/contracts';
import { CatalogEventRelay, type EventBatchQueue, type PendingEventBatch } from './catalog-event-relay';

const event = (id: string): SerializedEvent => ({ eventId: id, type: 't', topic: 'topic', key: 'k', value: '{}', headers: {} });
const batch = (id: string, ...events: string[]): PendingEventBatch => ({ id, events: events.map(event) });

class FakeQueue implements EventBatchQueue {
  constructor(public stored: PendingEventBatch[] = []) {}
  reads = 0;
  async oldest(limit: number) {
    this.reads++;
    return this.stored.slice(0, limit);
  }
  async remove(id: string) {
    this.stored = this.stored.filter((entry) => entry.id !== id);
  }
}

describe('CatalogEventRelay', () => {
  let now = 0;
  const published: string[] = [];
  const sink = { publishSerialized: async (events: readonly SerializedEvent[]) => void published.push(...events.map((e) => e.eventId)) };

  beforeEach(() => {
    now = 100_000;
    published.length = 0;
  });

  it('publishes batches handed over in memory, in order, and removes them from the store', async () => {
    const queue = new FakeQueue([batch('b1', 'e1'), batch('b2', 'e2', 'e3')]);
    const relay = new CatalogEventRelay(queue, sink, { intervalMs: 10, recoveryIntervalMs: 30_000, now: () => now });
    relay.offer(queue.stored[0]!);
    relay.offer(queue.stored[1]!);
    await relay.relayOnce(); // first pass: the store is read once as well (nothing left there)
    expect(published).toEqual(['e1', 'e2', 'e3']);
    expect(queue.stored).toEqual([]);
  });

  it('reads the store only when a recovery scan is due or forced', async () => {
    const queue = new FakeQueue();
    const relay = new CatalogEventRelay(queue, sink, { intervalMs: 10, recoveryIntervalMs: 30_000, now: () => now });
    await relay.relayOnce();
    const reads = queue.reads;
    now += 1_000;
    await relay.relayOnce();
    expect(queue.reads).toBe(reads);
    queue.stored.push(batch('left-by-a-dead-process', 'e9'));
    now += 30_000;
    await relay.relayOnce();
    expect(published).toEqual(['e9']);
    queue.stored.push(batch('another', 'e10'));
    await relay.flush(1_000);
    expect(published).toEqual(['e9', 'e10']);
  });

  it('keeps a batch whose publication failed and sends it on the next pass', async () => {
    const queue = new FakeQueue([batch('b1', 'e1')]);
    let fail = true;
    const flaky = {
      publishSerialized: async (events: readonly SerializedEvent[]) => (fail ? Promise.reject(new Error('broker away')) : sink.publishSerialized(events)),
    };
    const relay = new CatalogEventRelay(queue, flaky, { intervalMs: 10, now: () => now });
    relay.offer(queue.stored[0]!);
    await expect(relay.relayOnce()).rejects.toThrow('broker away');
    expect(queue.stored).toHaveLength(1);
    fail = false;
    await relay.relayOnce();
    expect(published).toEqual(['e1']);
    expect(queue.stored).toEqual([]);
  });
});
