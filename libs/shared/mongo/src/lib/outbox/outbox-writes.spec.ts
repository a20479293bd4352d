import type { SerializedEvent } from '@supply-hub/contracts';
import { insertWithOutbox, updateWithOutbox } from './outbox-writes';

const event: SerializedEvent = {
  eventId: 'e1',
  type: 'supplyhub.test.thing-happened.v1',
  topic: 'supplyhub.test.thing.v1',
  key: 'o-1',
  value: '{}',
  headers: { ce_id: 'e1' },
};
const now = new Date('2025-05-01T00:00:00.000Z');

describe('outbox writes', () => {
  it('adds the entries, the pending flag and version 1 to a new document', () => {
    expect(insertWithOutbox({ _id: 'o-1', status: 'accepted' }, [event], now)).toEqual({
      _id: 'o-1',
      status: 'accepted',
      outbox: [{ ...event, createdAt: now }],
      outboxPending: true,
      outboxVersion: 1,
    });
  });

  it('appends the entries to an update, keeping its own operators', () => {
    expect(updateWithOutbox({ $set: { status: 'routed' }, $inc: { revision: 1 } }, [event], now)).toEqual({
      $set: { status: 'routed', outboxPending: true },
      $inc: { revision: 1, outboxVersion: 1 },
      $push: { outbox: { $each: [{ ...event, createdAt: now }] } },
    });
  });

  it('leaves an update without events alone', () => {
    const update = { $set: { status: 'routed' } };
    expect(updateWithOutbox(update, [])).toBe(update);
  });

  it('refuses updates that write the outbox fields themselves', () => {
    expect(() => updateWithOutbox({ $set: { outboxPending: false } }, [event])).toThrow('outboxPending is managed by the outbox helpers');
    expect(() => insertWithOutbox({ outbox: [] }, [event])).toThrow('outbox is managed by the outbox helpers');
  });
});
