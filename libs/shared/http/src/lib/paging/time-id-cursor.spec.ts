import { parseTimeIdCursor, timeIdCursor } from './time-id-cursor';

describe('time + id cursors', () => {
  it('reads back what it wrote, and nothing of another form', () => {
    const at = new Date('2026-11-24T01:02:03.004Z');
    expect(parseTimeIdCursor(timeIdCursor(at, 'cas_0123456789abcdef0123'), /^cas_[0-9a-f]{20}$/)).toEqual({ at, id: 'cas_0123456789abcdef0123' });
    expect(parseTimeIdCursor(timeIdCursor(at, 'ord_x'), /^cas_[0-9a-f]{20}$/)).toBeUndefined();
    expect(parseTimeIdCursor('not a cursor', /^.+$/)).toBeUndefined();
  });
});
