import { DEFAULT_QUALITY_POLICY, qualityScoreOf, windowDays } from './quality-score';

describe('qualityScoreOf', () => {
  it('does not judge below 20 ordered units, however bad the rate', () => {
    expect(qualityScoreOf([{ orderedUnits: 10, signals: { damage: 5 }, lateDispatches: 0 }])).toEqual({
      orderedUnits: 10,
      problemUnits: 5,
      signals: { damage: 5 },
      lateDispatches: 0,
      inspectionsPassed: 0,
      inspectionsFailed: 0,
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

describe('qualityScoreOf with sample inspections', () => {
  const clean = { orderedUnits: 100, signals: {}, lateDispatches: 0 };

  it('takes 20 points off per failed inspection in the window, and counts the passes', () => {
    const score = qualityScoreOf([clean, { orderedUnits: 0, signals: {}, lateDispatches: 0, inspectionsFailed: 1, inspectionsPassed: 2 }]);
    expect(score).toMatchObject({ inspectionsFailed: 1, inspectionsPassed: 2, score: 80 });
    expect(qualityScoreOf([clean, { ...clean, orderedUnits: 0, inspectionsFailed: 2 }]).score).toBe(60);
    expect(qualityScoreOf([clean, { ...clean, orderedUnits: 0, inspectionsPassed: 3 }]).score).toBe(100);
  });

  it('adds the failures to what the complaint rate takes off, and never goes below 0', () => {
    const days = [{ orderedUnits: 100, signals: { damage: 2 }, lateDispatches: 0, inspectionsFailed: 1 }];
    expect(qualityScoreOf(days).score).toBe(60);
    expect(qualityScoreOf([{ ...days[0]!, inspectionsFailed: 9 }]).score).toBe(0);
  });

  it('judges a subject without enough orders by its inspections alone, and never calls that a breach', () => {
    const failed = qualityScoreOf([{ orderedUnits: 5, signals: { defect: 5 }, lateDispatches: 0, inspectionsFailed: 1 }]);
    expect(failed).toMatchObject({ score: 80, complaintRate: 1 });
    expect(failed.breach).toBeUndefined();
    expect(qualityScoreOf([{ orderedUnits: 0, signals: {}, lateDispatches: 0, inspectionsPassed: 1 }]).score).toBe(100);
  });
});

describe('windowDays', () => {
  it('counts Beijing calendar days back from the day of the moment', () => {
    expect(windowDays(new Date('2026-11-23T17:00:00Z'), 3)).toEqual(['2026-11-24', '2026-11-23', '2026-11-22']);
  });
});
