import type { SerializedEvent } from '@supply-hub/contracts';
import { createTestDatabase, type TestDatabase } from '@supply-hub/testing';
import { Collection } from 'mongodb';
import { MongoOutboxStore } from './mongo-outbox-store';

const entry = (eventId: string): SerializedEvent => ({
  eventId,
  type: 'supplyhub.test.thing-happened.v1',
  topic: 'supplyhub.test.thing.v1',
  key: 'o-1',
  value: `{"id":"${eventId}"}`,
  headers: { ce_id: eventId },
});

interface Order {
  _id: string;
  status: string;
}

describe('MongoOutboxStore', () => {
  let database: TestDatabase;
  let store: MongoOutboxStore;

  beforeAll(async () => {
    database = await createTestDatabase('int_outbox_store');
    store = new MongoOutboxStore(database.db, ['orders', 'shipments']);
    await store.ensureIndexes();
  });

  afterAll(() => database.drop());

  const orders = () => database.db.collection<Order>('orders');

  it('finds pending outboxes across its collections, backed by an index', async () => {
    await store.insertOne('orders', { _id: 'o-1', status: 'accepted' }, [entry('e1'), entry('e2')]);
    await store.insertOne('shipments', { _id: 's-1', status: 'requested' }, [entry('e3')]);
    await orders().insertOne({ _id: 'o-2', status: 'draft' });

    const pending = await store.findPending(10);
    expect(pending.map((outbox) => outbox.entries.map((candidate) => candidate.eventId))).toEqual([['e1', 'e2'], ['e3']]);
    expect(pending[0].ref).toMatchObject({ collection: 'orders', id: 'o-1', version: 1 });
    expect(await store.findPending(1)).toHaveLength(1);
    expect((await orders().indexes()).map((index) => index.name)).toContain('outbox_pending');
  });

  it('finds its own writes without scanning, and what another process left at its next scan', async () => {
    let now = Date.now();
    const relaying = new MongoOutboxStore(database.db, ['orders', 'shipments'], { now: () => now, fullScanIntervalMs: 60_000 });
    await relaying.findPending(10); // the first pass scans the collections
    await relaying.insertOne('orders', { _id: 'o-9', status: 'accepted' }, [entry('e9')]);
    // Another process wrote this one and died before relaying it.
    await new MongoOutboxStore(database.db, ['orders']).insertOne('orders', { _id: 'o-10', status: 'accepted' }, [entry('e10')]);

    const ids = (await relaying.findPending(10)).map((outbox) => outbox.ref.id);
    expect(ids).toContain('o-9');
    expect(ids).not.toContain('o-10');
    now += 60_000;
    const pending = (await relaying.findPending(10)).filter((outbox) => ['o-9', 'o-10'].includes(String(outbox.ref.id)));
    expect(pending.map((outbox) => outbox.ref.id).sort()).toEqual(['o-10', 'o-9']);

    await relaying.removePublished(pending.map((outbox) => ({ ref: outbox.ref, eventIds: outbox.entries.map((candidate) => candidate.eventId) })));
    expect((await relaying.findPending(10)).map((outbox) => outbox.ref.id)).not.toEqual(expect.arrayContaining(['o-9']));
    await orders().deleteMany({ _id: { $in: ['o-9', 'o-10'] } });
  });

  it('inserts many documents with their events in one call, reporting and leaving alone the ones stored already', async () => {
    const relaying = new MongoOutboxStore(database.db, ['orders'], { fullScanIntervalMs: 60_000 });
    await relaying.findPending(10); // the first pass scans; what follows comes from hand-overs only
    await orders().insertOne({ _id: 'm-2', status: 'accepted-earlier' });
    let pokes = 0;
    relaying.onEventsWritten = () => void pokes++;

    const taken = await relaying.insertMany('orders', [
      { document: { _id: 'm-1', status: 'accepted' }, events: [entry('m1')] },
      { document: { _id: 'm-2', status: 'accepted' }, events: [entry('m2')] },
      { document: { _id: 'm-3', status: 'accepted' }, events: [entry('m3a'), entry('m3b')] },
    ]);

    expect(taken).toEqual(['m-2']);
    expect(await orders().findOne({ _id: 'm-2' })).toEqual({ _id: 'm-2', status: 'accepted-earlier' });
    expect(pokes).toBe(1);
    const pending = (await relaying.findPending(10)).filter((outbox) => String(outbox.ref.id).startsWith('m-'));
    expect(pending.map((outbox) => [outbox.ref.id, outbox.entries.map((candidate) => candidate.eventId)])).toEqual([
      ['m-1', ['m1']],
      ['m-3', ['m3a', 'm3b']],
    ]);
    await orders().deleteMany({ _id: { $in: ['m-1', 'm-2', 'm-3'] } });
  });

  it('relays what it inserted from memory, and reads a document back once another process changed it', async () => {
    const relaying = new MongoOutboxStore(database.db, ['orders'], { fullScanIntervalMs: 60_000 });
    await relaying.findPending(10);
    await relaying.insertOne('orders', { _id: 'k-1', status: 'accepted' }, [entry('k1')]);
    await relaying.insertMany('orders', [{ document: { _id: 'k-2', status: 'accepted' }, events: [entry('k2')] }]);
    // Another process moves k-2 on, with an event of its own, before this relay's pass.
    await new MongoOutboxStore(database.db, ['orders']).updateOne('orders', { _id: 'k-2' }, { $set: { status: 'routed' } }, [entry('k2b')]);
    // k-1 is gone behind the relay's back: only a relay that did not read it still sees its entry.
    await orders().deleteOne({ _id: 'k-1' });

    const pending = (await relaying.findPending(10)).filter((outbox) => String(outbox.ref.id).startsWith('k-'));
    expect(pending.map((outbox) => [outbox.ref.id, outbox.entries.map((candidate) => candidate.eventId)])).toEqual([
      ['k-1', ['k1']],
      ['k-2', ['k2']],
    ]);
    await relaying.removePublished(pending.map((outbox) => ({ ref: outbox.ref, eventIds: outbox.entries.map((candidate) => candidate.eventId) })));

    // The guard caught both: k-1 is forgotten, k-2 lost k2 and is read again for the other process's k2b.
    const next = (await relaying.findPending(10)).filter((outbox) => String(outbox.ref.id).startsWith('k-'));
    expect(next.map((outbox) => [outbox.ref.id, outbox.entries.map((candidate) => candidate.eventId)])).toEqual([['k-2', ['k2b']]]);
    await orders().deleteMany({ _id: { $in: ['k-1', 'k-2'] } });
  });

  it('removes the published entries and clears the flag when none are left', async () => {
    const [outbox] = await store.findPending(1);
    await store.removePublished([{ ref: outbox.ref, eventIds: ['e1', 'e2'] }]);
    expect(await orders().findOne({ _id: 'o-1' })).toMatchObject({ status: 'accepted', outbox: [], outboxPending: false, outboxVersion: 2 });
  });

  it('keeps entries a writer appended after the relay read the document', async () => {
    await store.updateOne('orders', { _id: 'o-1' }, { $set: { status: 'routed' } }, [entry('e4')]);
    const outbox = (await store.findPending(10)).find((candidate) => candidate.ref.id === 'o-1')!;
    expect(outbox.entries.map((candidate) => candidate.eventId)).toEqual(['e4']);

    // A writer appends between the relay's read and its removal: the version no longer matches.
    await store.updateOne('orders', { _id: 'o-1' }, { $set: { status: 'shipped' } }, [entry('e5')]);
    await store.removePublished([{ ref: outbox.ref, eventIds: ['e4'] }]);

    expect(await orders().findOne({ _id: 'o-1' })).toMatchObject({
      status: 'shipped',
      outbox: [expect.objectContaining({ eventId: 'e5' })],
      outboxPending: true,
    });
  });

  it('keeps relaying a document a writer appended to while the relay was emptying it (no wait for the next scan)', async () => {
    const relaying = new MongoOutboxStore(database.db, ['orders']);
    await relaying.findPending(10); // the first pass scans the collections; later ones read only what was handed over
    await relaying.insertOne('orders', { _id: 'o-8', status: 'accepted' }, [entry('e9')]);
    const relayed = (await relaying.findPending(10)).find((outbox) => outbox.ref.id === 'o-8')!;
    // The writer's update and its hand-over land after the relay's removal write, before the relay has
    // done its bookkeeping for that write.
    const bulkWrite = Collection.prototype.bulkWrite;
    const spy = jest.spyOn(Collection.prototype, 'bulkWrite').mockImplementationOnce(async function (
      this: Collection,
      ...args: Parameters<Collection['bulkWrite']>
    ) {
      const result = await bulkWrite.apply(this, args);
      await relaying.updateOne('orders', { _id: 'o-8' }, { $set: { status: 'routed' } }, [entry('e10')]);
      return result;
    });
    await relaying.removePublished([{ ref: relayed.ref, eventIds: ['e9'] }]);
    spy.mockRestore();

    expect((await relaying.findPending(10)).find((outbox) => outbox.ref.id === 'o-8')?.entries.map((candidate) => candidate.eventId)).toEqual(['e10']);
    await orders().deleteOne({ _id: 'o-8' });
  });

  it('removes a whole pass in one batch per collection and redoes only the documents a writer changed first', async () => {
    const relaying = new MongoOutboxStore(database.db, ['orders', 'shipments']);
    await relaying.findPending(10);
    for (const id of ['b-1', 'b-2', 'b-3']) await relaying.insertOne('orders', { _id: id, status: 'accepted' }, [entry(`${id}-e1`)]);
    await relaying.insertOne('shipments', { _id: 'b-s', status: 'requested' }, [entry('b-s-e1')]);
    const pass = (await relaying.findPending(50)).filter((outbox) => String(outbox.ref.id).startsWith('b-'));
    expect(pass).toHaveLength(4);
    // A writer appends to b-2 after the relay read it: b-2's removal loses the version race and is redone.
    await relaying.updateOne('orders', { _id: 'b-2' }, { $set: { status: 'routed' } }, [entry('b-2-e2')]);

    await relaying.removePublished(pass.map((outbox) => ({ ref: outbox.ref, eventIds: outbox.entries.map((candidate) => candidate.eventId) })));

    const after = await orders()
      .find({ _id: { $in: ['b-1', 'b-2', 'b-3'] } })
      .toArray();
    expect(
      Object.fromEntries(
        after.map((order) => [order._id, (order as unknown as { outbox: { eventId: string }[] }).outbox.map((candidate) => candidate.eventId)]),
      ),
    ).toEqual({
      'b-1': [],
      'b-2': ['b-2-e2'],
      'b-3': [],
    });
    expect(await database.db.collection('shipments').findOne({ _id: 'b-s' as never })).toMatchObject({ outbox: [], outboxPending: false });
    expect((await relaying.findPending(50)).filter((outbox) => String(outbox.ref.id).startsWith('b-')).map((outbox) => outbox.ref.id)).toEqual(['b-2']);
    await orders().deleteMany({ _id: { $in: ['b-1', 'b-2', 'b-3'] } });
    await database.db.collection('shipments').deleteOne({ _id: 'b-s' as never });
  });

  it('handles documents written without a version and documents deleted meanwhile', async () => {
    const written = database.db.collection<Order & { outbox: unknown[]; outboxPending: boolean }>('orders');
    await written.insertOne({ _id: 'o-3', status: 'legacy', outbox: [{ ...entry('e6'), createdAt: new Date() }], outboxPending: true });
    // Written without the store (so handed over to no relay): only the scan of the collection finds it.
    const scanning = new MongoOutboxStore(database.db, ['orders', 'shipments']);
    const legacy = (await scanning.findPending(10)).find((outbox) => outbox.ref.id === 'o-3')!;
    expect(legacy.ref.version).toBe(0);
    await store.removePublished([{ ref: legacy.ref, eventIds: ['e6'] }]);
    expect(await orders().findOne({ _id: 'o-3' })).toMatchObject({ outbox: [], outboxPending: false, outboxVersion: 1 });

    const shipment = (await scanning.findPending(10)).find((outbox) => outbox.ref.id === 's-1')!;
    await database.db.collection<Order>('shipments').deleteOne({ _id: 's-1' });
    await expect(store.removePublished([{ ref: shipment.ref, eventIds: ['e3'] }])).resolves.toBeUndefined();
  });
});
