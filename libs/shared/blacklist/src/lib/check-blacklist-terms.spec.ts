import { checkBlacklistTerms } from './check-blacklist-terms';

const now = new Date('2025-06-01T08:00:00Z');

describe('checkBlacklistTerms', () => {
  it('accepts an entry without expiry, or expiring later', () => {
    expect(checkBlacklistTerms({ target: { kind: 'brand', value: '九阳' } }, now)).toEqual([]);
    expect(checkBlacklistTerms({ target: { kind: 'keyword', value: '三无' }, expiresAt: new Date(now.getTime() + 1) }, now)).toEqual([]);
  });

  it('refuses an expiry now or in the past, naming the field', () => {
    expect(checkBlacklistTerms({ target: { kind: 'brand', value: '九阳' }, expiresAt: now }, now)).toEqual([
      { path: 'expiresAt', message: expect.stringContaining('must be in the future') },
    ]);
    expect(checkBlacklistTerms({ target: { kind: 'brand', value: '九阳' }, expiresAt: new Date('2024-01-01T00:00:00Z') }, now)).toHaveLength(1);
  });

  it('refuses a value of white space only (full-width included), naming the field', () => {
    expect(checkBlacklistTerms({ target: { kind: 'keyword', value: ' \u3000 ' } }, now)).toEqual([
      { path: 'target.value', message: 'must contain more than white space' },
    ]);
  });
});
