import { resolveRequestId } from './request-id';

describe('request id', () => {
  it('keeps a sane incoming id', () => {
    expect(resolveRequestId('req-123:abc.def_9')).toBe('req-123:abc.def_9');
  });

  it('replaces a missing, oversized or unsafe id with a fresh UUID', () => {
    const uuid = /^[0-9a-f-]{36}$/;
    expect(resolveRequestId(undefined)).toMatch(uuid);
    expect(resolveRequestId('x'.repeat(129))).toMatch(uuid);
    expect(resolveRequestId('id\nfake-log-line')).toMatch(uuid);
    expect(resolveRequestId('')).toMatch(uuid);
  });
});
