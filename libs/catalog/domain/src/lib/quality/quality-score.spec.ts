import { DEFAULT_QUALITY_POLICY, qualityScoreOf, windowDays } from './quality-score';

describe('qualityScoreOf', () => {
  it('does not judge below 20 ordered units, however bad the rate', () => {
    expect(qualityScoreOf([{ orderedUnits: 10, signals: { damage: 5 }, lateDispatches: 0 }])).toEqual({
      orderedUnits: 10,
      problemUnits: 5,
      signals: { damage: 5 },
      lateDispatches: 0,
      complaintRate: 0.5,
    });
  });

  it('breaches above 3 % with at least 20 units, and says why', () => {
    const days = [
      { orderedUnits: 60, signals: { damage: 1, 'quality-complaint': 1 }, lateDispatches: 0 },
      { orderedUnits: 40, signals: { 'wrong-item': 2 }, lateDispatches: 1 },
    ];
    const score = qualityScoreOf(days);
    expect(score).toMatchObject({ orderedUnits: 100, problemUnits: 4, complaintRate: 0.04, score: 58 });
    expect(score.breach).toBe('complaint rate 4.0% over 30 days (4 of 100 units) is above 3.0%');
    const atLimit = qualityScoreOf([{ orderedUnits: 100, signals: { damage: 3 }, lateDispatches: 0 }]);
    expect(atLimit.score).toBe(70);
    expect(atLimit.breach).toBeUndefined();
  });

  it('scores a clean record 100 and never below 0', () => {
    expect(qualityScoreOf([{ orderedUnits: 20, signals: {}, lateDispatches: 0 }]).score).toBe(100);
    expect(qualityScoreOf([{ orderedUnits: 20, signals: { defect: 20 }, lateDispatches: 20 }], DEFAULT_QUALITY_POLICY).score).toBe(0);
  });
});

describe('windowDays', () => {
  it('counts Beijing calendar days back from the day of the moment', () => {
    expect(windowDays(new Date('2026-11-23T17:00:00Z'), 3)).toEqual(['2026-11-24', '2026-11-23', '2026-11-22']);
  });
});
