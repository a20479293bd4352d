import { inspectionSuspendReason } from '../inspection/sample-inspection';
import { eliminationReport, type Removal } from './elimination-report';

// Beijing is UTC+8: 2026-11-22T17:00Z is already Monday 23 November there.
const removal = (at: string, action: Removal['action'], skuIds: string[], by = 'curator-wang', reason = '质量差'): Removal => ({ at: new Date(at), action, skuIds, by, reason });

describe('eliminationReport', () => {
  const report = eliminationReport({
    from: '2026-11-16',
    to: '2026-11-29',
    period: 'week',
    catalogSkus: 200,
    removals: [
      removal('2026-11-17T02:00:00Z', 'delist', ['a', 'b']),
      removal('2026-11-18T02:00:00Z', 'suspend', ['c'], 'system:quality', 'quality: complaint rate 4.0%'),
      removal('2026-11-22T17:00:00Z', 'suspend', ['d', 'e'], 'quality-li', inspectionSuspendReason('insp_1', '涂层脱落')),
      removal('2026-11-24T02:00:00Z', 'delist', ['d'], 'curator-wang', '抽检后下架'),
      removal('2026-11-25T02:00:00Z', 'suspend', ['f'], 'system:qualifications', 'brand authorisation expired'),
      removal('2026-11-30T02:00:00Z', 'reject', ['g']), // after the range
    ],
    blacklistEntries: [
      { kind: 'supplier', value: 'brand-acme', at: new Date('2026-11-17T02:00:00Z') },
      { kind: 'brand', value: '山寨', at: new Date('2026-11-17T03:00:00Z') },
      { kind: 'supplier', value: 'taobao-x', at: new Date('2026-11-26T02:00:00Z') },
    ],
  });

  it('buckets removals by the Beijing day they happened on, and groups them by cause', () => {
    expect(report.periods.map((period) => period.label)).toEqual(['2026-W47', '2026-W48']);
    const [first, second] = report.periods;
    expect(first).toMatchObject({ skusRemoved: 3, byAction: { delist: 2, suspend: 1, reject: 0 }, rate: 0.015 });
    expect(first!.byCause).toEqual({ 'staff-decision': 2, 'quality-breach': 1, 'sample-inspection': 0, 'qualification-expiry': 0, 'other-system': 0 });
    expect(second!.byCause).toMatchObject({ 'sample-inspection': 2, 'staff-decision': 1, 'qualification-expiry': 1 });
  });

  it('counts a SKU once per period however often it was taken out', () => {
    expect(report.periods[1]).toMatchObject({ skusRemoved: 3, byAction: { suspend: 3, delist: 1 } });
    expect(report.total).toMatchObject({ skusRemoved: 6, rate: 0.03 });
  });

  it('counts blacklist entries by kind and names the suppliers removed', () => {
    expect(report.periods[0]).toMatchObject({ blacklistEntries: { supplier: 1, brand: 1 }, suppliersRemoved: ['brand-acme'] });
    expect(report.total).toMatchObject({ blacklistEntries: { supplier: 2, brand: 1 }, suppliersRemoved: ['brand-acme', 'taobao-x'] });
  });

  it('has a rate of 0 for an empty catalog', () => {
    expect(eliminationReport({ from: '2026-11-16', to: '2026-11-16', period: 'month', catalogSkus: 0, removals: [], blacklistEntries: [] }).total.rate).toBe(0);
  });
});
