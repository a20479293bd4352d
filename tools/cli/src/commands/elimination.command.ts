import { Command, Option } from 'commander';
import { staffApi, type StaffOptions, staffOptions } from './api-client';
import type { Output } from './output';

interface EliminationOptions extends StaffOptions {
  from?: string;
  to?: string;
  period: 'week' | 'month';
  json?: boolean;
}

/** GET /quality/elimination's answer, as far as the table reads it (the CLI may not import catalog's libs). */
interface EliminationFigures {
  skusRemoved: number;
  rate: number;
  byCause: Record<'staff-decision' | 'quality-breach' | 'sample-inspection' | 'qualification-expiry' | 'other-system', number>;
  blacklistEntries: Record<string, number>;
  suppliersRemoved: string[];
}

export interface EliminationReport {
  from: string;
  to: string;
  catalogSkus: number;
  periods: (EliminationFigures & { label: string; from: string; to: string })[];
  total: EliminationFigures;
}

export const ELIMINATION_HEADERS = [
  'period',
  'from',
  'to',
  'removed',
  'rate',
  'staff',
  'quality',
  'inspection',
  'qualification',
  'other',
  'blacklisted',
  'suppliers',
];

/** One table row per period and a total, the causes in the report's order. */
export function eliminationRows(report: EliminationReport): string[][] {
  const row = (label: string, from: string, to: string, figures: EliminationFigures): string[] => [
    label,
    from,
    to,
    String(figures.skusRemoved),
    `${(figures.rate * 100).toFixed(2)}%`,
    String(figures.byCause['staff-decision']),
    String(figures.byCause['quality-breach']),
    String(figures.byCause['sample-inspection']),
    String(figures.byCause['qualification-expiry']),
    String(figures.byCause['other-system']),
    String(Object.values(figures.blacklistEntries).reduce((sum, count) => sum + count, 0)),
    figures.suppliersRemoved.join(',') || '-',
  ];
  return [...report.periods.map((period) => row(period.label, period.from, period.to, period)), row('total', report.from, report.to, report.total)];
}

/** `supply-hub quality elimination`: the elimination report (淘汰率) from catalog-sync, as a table or JSON. */
export function eliminationCommand(output: Output): Command {
  const command = new Command('elimination')
    .description('SKUs and suppliers removed per week or month, and why (淘汰率)')
    .option('--from <date>', 'first Beijing day, YYYY-MM-DD (default: 90 days before --to)')
    .option('--to <date>', 'last Beijing day, YYYY-MM-DD, included (default: today)')
    .addOption(new Option('--period <period>', 'bucket size').choices(['week', 'month']).default('month'))
    .option('--json', 'print the report as JSON');
  return staffOptions(command).action(async (options: EliminationOptions) => {
    const api = await staffApi(options.url, { sub: options.as, roles: ['quality'], command: 'supply-hub quality elimination' });
    const query = new URLSearchParams({ period: options.period, ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) });
    const report = (await api('GET', `/quality/elimination?${query}`)) as EliminationReport;
    if (options.json) return output.json(report);
    output.table(ELIMINATION_HEADERS, eliminationRows(report));
    output.note(`${report.catalogSkus} SKUs in the catalog; a SKU counts once per period, under each cause that removed it`);
  });
}
