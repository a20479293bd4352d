import { formatSeconds, progressLine, type SyncJobProgress } from './sync-progress';

const job = (overrides: Partial<SyncJobProgress>): SyncJobProgress => ({
  jobId: 'sync_1',
  sourceId: 'jd',
  mode: 'full',
  state: 'running',
  counts: { seen: 1200, offersWritten: 1190, quarantined: 4, events: 1180 },
  progress: { ratePerSecond: 412.6, etaSeconds: 125, totalHint: 54000 },
  error: null,
  ...overrides,
});

describe('sync progress lines', () => {
  it('show counts, rate and ETA while running', () => {
    expect(progressLine(job({}))).toBe('1200 seen, 1190 written, 4 quarantined, 1180 events, 413/s, ETA 2m05s');
  });

  it('say done or why it failed', () => {
    expect(progressLine(job({ state: 'completed' }))).toMatch(/, done$/);
    expect(progressLine(job({ state: 'failed', error: 'jd:product/getDetail: HTTP 502 after 6 attempts' }))).toMatch(/FAILED: jd:product\/getDetail: HTTP 502/);
  });

  it('formats seconds for people', () => {
    expect([formatSeconds(9.6), formatSeconds(60), formatSeconds(3599)]).toEqual(['10s', '1m00s', '59m59s']);
  });
});
