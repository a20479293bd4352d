import { formatBeijingTime, parseBeijingTime } from './beijing-time';

describe('Beijing time', () => {
  it('formats an instant as GMT+8 wall-clock time whatever the host zone', () => {
    expect(formatBeijingTime(new Date('2026-11-22T04:00:00Z'))).toBe('2026-11-22 12:00:00');
    expect(formatBeijingTime(Date.UTC(2026, 11, 31, 16, 30, 5))).toBe('2027-01-01 00:30:05');
  });

  it('parses back to the same instant', () => {
    expect(parseBeijingTime('2026-11-22 12:00:00').toISOString()).toBe('2026-11-22T04:00:00.000Z');
  });

  it.each(['2026-11-22T12:00:00', '2026-02-30 12:00:00', '2026-11-22 12:00', ''])('refuses %j', (text) => {
    expect(() => parseBeijingTime(text)).toThrow(RangeError);
  });
});
