import { CATEGORY_FAMILY_LABELS, type CategoryFamily } from '@supply-hub/contracts';

interface MixRow {
  key: string;
  count: number;
  share: number;
  targetShare: number | null;
  gap: number | null;
}

/** GET /reports/mix as catalog-sync answers it (the fields the CLI prints). */
export interface MixReport {
  preset: { id: string; label: string; description: string };
  mallId: string | null;
  poolVersion: number | null;
  total: number;
  families: MixRow[];
  bands: MixRow[];
}

const BAND_LABELS: Record<string, string> = { low: 'low (everyday)', mid: 'mid (quality)', high: 'high (scarce)' };

/** The report as a heading and table rows: shares in percent, gaps in percentage points. */
export function mixReportTable(report: MixReport): { heading: string; headers: string[]; rows: string[][] } {
  const scope =
    report.mallId === null
      ? 'the whole sellable catalog'
      : report.poolVersion === null
        ? `mall ${report.mallId} (no pool: the whole catalog)`
        : `mall ${report.mallId}'s pool (v${report.poolVersion})`;
  const row = (dimension: string, label: string, item: MixRow) => [
    dimension,
    label,
    String(item.count),
    percent(item.share),
    item.targetShare === null ? '-' : percent(item.targetShare),
    item.gap === null ? '-' : `${item.gap > 0 ? '+' : ''}${(item.gap * 100).toFixed(1)}`,
  ];
  return {
    heading: `${report.preset.id} (${report.preset.label}: ${report.preset.description}) over ${scope}, ${report.total} SKUs`,
    headers: ['dimension', 'group', 'SKUs', 'share', 'target', 'gap (pp)'],
    rows: [
      ...report.families.map((item) => row('family', `${item.key} ${CATEGORY_FAMILY_LABELS[item.key as CategoryFamily] ?? ''}`.trim(), item)),
      ...report.bands.map((item) => row('band', BAND_LABELS[item.key] ?? item.key, item)),
    ],
  };
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}
