import { CASE_STATUSES } from '@supply-hub/contracts';
import { canMoveCase, holdsUnits, type MovableCase, refusalOf } from './case-transitions';

const returnCase = (status: MovableCase['status'], inspection?: 'pass' | 'fail'): MovableCase => ({
  status,
  kind: 'return',
  needsReturn: true,
  ...(inspection ? { inspection: { result: inspection, notes: '', at: new Date(), warehouseId: 'wh-sh' } } : {}),
});

describe('case transitions', () => {
  it('walks a return through label, transit, receipt, inspection and resolution', () => {
    const path = ['opened', 'approved', 'return-label-issued', 'return-in-transit', 'received', 'inspected', 'resolving', 'resolved', 'closed'] as const;
    for (let i = 0; i + 1 < path.length; i++) {
      expect(refusalOf(returnCase(path[i]!, path[i] === 'inspected' ? 'pass' : undefined), path[i + 1]!)).toBeUndefined();
    }
  });

  it('refuses skipping the return parcel, and a label when none is needed', () => {
    expect(refusalOf(returnCase('approved'), 'resolving')).toBe('a return case is resolved after its return parcel was inspected');
    expect(refusalOf({ status: 'approved', kind: 'damaged', needsReturn: false }, 'return-label-issued')).toBe('a damaged case needs no return parcel');
    expect(canMoveCase({ status: 'approved', kind: 'damaged', needsReturn: false }, 'resolving')).toBe(true);
  });

  it('lets the inspection decide between resolving and rejecting', () => {
    expect(canMoveCase(returnCase('inspected', 'fail'), 'resolving')).toBe(false);
    expect(canMoveCase(returnCase('inspected', 'fail'), 'rejected')).toBe(true);
    expect(canMoveCase(returnCase('inspected', 'pass'), 'rejected')).toBe(false);
  });

  it('names what a case can become instead, and that closed is final', () => {
    expect(refusalOf(returnCase('resolved'), 'approved')).toBe('a resolved case cannot become approved (it can become closed)');
    for (const to of CASE_STATUSES) expect(canMoveCase(returnCase('closed'), to)).toBe(false);
  });

  it('gives units back on rejection or withdrawal, keeps them once upheld', () => {
    const at = new Date();
    const actor = { kind: 'staff' as const };
    expect(holdsUnits({ status: 'rejected', timeline: [] })).toBe(false);
    expect(holdsUnits({ status: 'closed', timeline: [{ at, status: 'opened', actor }] })).toBe(false);
    expect(holdsUnits({ status: 'closed', timeline: [{ at, status: 'resolved', actor }] })).toBe(true);
    expect(holdsUnits({ status: 'received', timeline: [] })).toBe(true);
  });
});
