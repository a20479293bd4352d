import { beijingDayStart, periodBuckets, periodLabelOf } from './report-periods';

describe('periodLabelOf', () => {
  it('names ISO weeks by the year of their Thursday', () => {
    expect(periodLabelOf('2026-11-23', 'week')).toBe('2026-W48'); // a Monday
    expect(periodLabelOf('2026-11-29', 'week')).toBe('2026-W48'); // its Sunday
    expect(periodLabelOf('2026-11-30', 'week')).toBe('2026-W49');
    expect(periodLabelOf('2027-01-01', 'week')).toBe('2026-W53'); // a Friday: 2026 has 53 weeks
    expect(periodLabelOf('2025-12-29', 'week')).toBe('2026-W01'); // a Monday in the week of 2026's first Thursday
  });

  it('names months by year and month', () => {
    expect(periodLabelOf('2026-02-28', 'month')).toBe('2026-02');
  });
});

describe('periodBuckets', () => {
  it('cuts the range at Mondays, clipping the first and last week to it', () => {
    expect(periodBuckets('2026-11-20', '2026-12-02', 'week')).toEqual([
      { label: '2026-W47', from: '2026-11-20', to: '2026-11-22' },
      { label: '2026-W48', from: '2026-11-23', to: '2026-11-29' },
      { label: '2026-W49', from: '2026-11-30', to: '2026-12-02' },
    ]);
  });

  it('cuts the range at the first of each month, across a year end and a short February', () => {
    expect(periodBuckets('2026-12-15', '2027-03-01', 'month')).toEqual([
      { label: '2026-12', from: '2026-12-15', to: '2026-12-31' },
      { label: '2027-01', from: '2027-01-01', to: '2027-01-31' },
      { label: '2027-02', from: '2027-02-01', to: '2027-02-28' },
      { label: '2027-03', from: '2027-03-01', to: '2027-03-01' },
    ]);
  });

  it('gives one bucket for a one-day range', () => {
    expect(periodBuckets('2026-11-24', '2026-11-24', 'week')).toEqual([{ label: '2026-W48', from: '2026-11-24', to: '2026-11-24' }]);
  });
});

describe('beijingDayStart', () => {
  it('is 16:00 UTC the day before', () => {
    expect(beijingDayStart('2026-11-24').toISOString()).toBe('2026-11-23T16:00:00.000Z');
  });
});
