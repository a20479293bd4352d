import type { SerializedEvent } from '@supply-hub/contracts';
import { createTestDatabase, type TestDatabase } from '@supply-hub/testing';
import { MongoOutboxStore, OUTBOX_POINTERS_COLLECTION } from './mongo-outbox-store';

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

  it('finds, after its first scan, documents through the pointers their writers left, and drops stale pointers', async () => {
    let now = Date.now();
    const pointed = new MongoOutboxStore(database.db, ['orders', 'shipments'], { now: () => now, pointerGraceMs: 1_000 });
    await pointed.findPending(10); // the first pass scans the collections
    await pointed.insertOne('orders', { _id: 'o-9', status: 'accepted' }, [entry('e9')]);
    await pointed.markPending('orders', 'o-never-written');
    expect((await pointed.findPending(10)).map((outbox) => outbox.ref.id)).toContain('o-9');
    const [outbox] = (await pointed.findPending(10)).filter((candidate) => candidate.ref.id === 'o-9');
    await pointed.removePublished([{ ref: outbox!.ref, eventIds: ['e9'] }]);
    now += 5_000;
    expect((await pointed.findPending(10)).map((candidate) => candidate.ref.id)).not.toContain('o-9');
    const pointers = await database.db.collection(OUTBOX_POINTERS_COLLECTION).find({}).toArray();
    expect(pointers.map((pointer) => pointer._id)).not.toContain('orders\u0000o-never-written');
    expect(pointers.map((pointer) => pointer._id)).not.toContain('orders\u0000o-9');
    await orders().deleteOne({ _id: 'o-9' });
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

  it('leaves a pointer for entries written while the relay emptied the same document (no wait for the full scan)', async () => {
    const pointed = new MongoOutboxStore(database.db, ['orders']);
    await pointed.findPending(10); // the first pass scans the collections; later ones read only pointers
    await pointed.insertOne('orders', { _id: 'o-7', status: 'accepted' }, [entry('e7')]);
    const relayed = (await pointed.findPending(10)).find((outbox) => outbox.ref.id === 'o-7')!;
    // The writer's first pointer write finds the accepted event's pointer still there; then, before the
    // writer's update lands, the relay empties the document and deletes that pointer.
    const markPending = pointed.markPending.bind(pointed);
    let interleaved = false;
    jest.spyOn(pointed, 'markPending').mockImplementation(async (collection, documentId, at) => {
      await markPending(collection, documentId, at);
      if (interleaved) return;
      interleaved = true;
      await pointed.removePublished([{ ref: relayed.ref, eventIds: ['e7'] }]);
    });
    await pointed.updateOne('orders', { _id: 'o-7' }, { $set: { status: 'routed' } }, [entry('e8')]);

    expect((await pointed.findPending(10)).find((outbox) => outbox.ref.id === 'o-7')?.entries.map((candidate) => candidate.eventId)).toEqual(['e8']);
    await orders().deleteOne({ _id: 'o-7' });
  });

  it('keeps a pointer for entries written between the relay emptying a document and deleting its pointer', async () => {
    const pointed = new MongoOutboxStore(database.db, ['orders']);
    await pointed.findPending(10);
    await pointed.insertOne('orders', { _id: 'o-8', status: 'accepted' }, [entry('e9')]);
    const relayed = (await pointed.findPending(10)).find((outbox) => outbox.ref.id === 'o-8')!;
    // The writer's update and both its pointer writes land after the relay's removal, before its pointer delete.
    const pointers = (pointed as unknown as { pointers: { deleteMany: (...args: unknown[]) => Promise<unknown> } }).pointers;
    const deleteMany = pointers.deleteMany.bind(pointers);
    jest.spyOn(pointers, 'deleteMany').mockImplementationOnce(async (...args: unknown[]) => {
      await pointed.updateOne('orders', { _id: 'o-8' }, { $set: { status: 'routed' } }, [entry('e10')]);
      return deleteMany(...args);
    });
    await pointed.removePublished([{ ref: relayed.ref, eventIds: ['e9'] }]);

    expect((await pointed.findPending(10)).find((outbox) => outbox.ref.id === 'o-8')?.entries.map((candidate) => candidate.eventId)).toEqual(['e10']);
    await orders().deleteOne({ _id: 'o-8' });
  });

  it('removes a whole pass in one batch per collection and redoes only the documents a writer changed first', async () => {
    const pointed = new MongoOutboxStore(database.db, ['orders', 'shipments']);
    await pointed.findPending(10);
    for (const id of ['b-1', 'b-2', 'b-3']) await pointed.insertOne('orders', { _id: id, status: 'accepted' }, [entry(`${id}-e1`)]);
    await pointed.insertOne('shipments', { _id: 'b-s', status: 'requested' }, [entry('b-s-e1')]);
    const pass = (await pointed.findPending(50)).filter((outbox) => String(outbox.ref.id).startsWith('b-'));
    expect(pass).toHaveLength(4);
    // A writer appends to b-2 after the relay read it: b-2's removal loses the version race and is redone.
    await pointed.updateOne('orders', { _id: 'b-2' }, { $set: { status: 'routed' } }, [entry('b-2-e2')]);

    await pointed.removePublished(pass.map((outbox) => ({ ref: outbox.ref, eventIds: outbox.entries.map((candidate) => candidate.eventId) })));

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
    const pointerIds = (await database.db.collection(OUTBOX_POINTERS_COLLECTION).find({}).toArray()).map((pointer) => pointer._id);
    expect(pointerIds).toContain('orders\u0000b-2');
    expect(pointerIds).not.toContain('orders\u0000b-1');
    expect(pointerIds).not.toContain('shipments\u0000b-s');
    expect((await pointed.findPending(50)).filter((outbox) => String(outbox.ref.id).startsWith('b-')).map((outbox) => outbox.ref.id)).toEqual(['b-2']);
    await orders().deleteMany({ _id: { $in: ['b-1', 'b-2', 'b-3'] } });
    await database.db.collection('shipments').deleteOne({ _id: 'b-s' as never });
  });

  it('handles documents written without a version and documents deleted meanwhile', async () => {
    const written = database.db.collection<Order & { outbox: unknown[]; outboxPending: boolean }>('orders');
    await written.insertOne({ _id: 'o-3', status: 'legacy', outbox: [{ ...entry('e6'), createdAt: new Date() }], outboxPending: true });
    // Written without a pointer: only the safety-net scan of the collection finds it.
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
