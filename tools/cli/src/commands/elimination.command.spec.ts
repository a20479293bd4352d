import { ELIMINATION_HEADERS, type EliminationReport, eliminationRows } from './elimination.command';

const causes = (staff: number, quality: number) => ({ 'staff-decision': staff, 'quality-breach': quality, 'sample-inspection': 0, 'qualification-expiry': 0, 'other-system': 0 });

describe('eliminationRows', () => {
  it('prints a row per period and a total, with the causes, blacklist entries and suppliers', () => {
    const report: EliminationReport = {
      from: '2026-11-01',
      to: '2026-12-10',
      catalogSkus: 400,
      periods: [
        { label: '2026-11', from: '2026-11-01', to: '2026-11-30', skusRemoved: 1, rate: 0.0025, byCause: causes(0, 1), blacklistEntries: {}, suppliersRemoved: [] },
        { label: '2026-12', from: '2026-12-01', to: '2026-12-10', skusRemoved: 2, rate: 0.005, byCause: causes(2, 0), blacklistEntries: { supplier: 1, brand: 2 }, suppliersRemoved: ['taobao-x'] },
      ],
      total: { skusRemoved: 3, rate: 0.0075, byCause: causes(2, 1), blacklistEntries: { supplier: 1, brand: 2 }, suppliersRemoved: ['taobao-x'] },
    };
    const rows = eliminationRows(report);
    expect(rows.every((row) => row.length === ELIMINATION_HEADERS.length)).toBe(true);
    expect(rows).toEqual([
      ['2026-11', '2026-11-01', '2026-11-30', '1', '0.25%', '0', '1', '0', '0', '0', '0', '-'],
      ['2026-12', '2026-12-01', '2026-12-10', '2', '0.50%', '2', '0', '0', '0', '0', '3', 'taobao-x'],
      ['total', '2026-11-01', '2026-12-10', '3', '0.75%', '2', '1', '0', '0', '0', '3', 'taobao-x'],
    ]);
  });
});
