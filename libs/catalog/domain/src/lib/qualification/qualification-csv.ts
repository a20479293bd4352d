import { parse } from 'csv-parse/sync';
import type { FieldIssue } from '@supply-hub/errors';
import { brandKeyOf, type QualificationInput, qualificationInputSchema } from './qualification';

export const QUALIFICATION_CSV_COLUMNS = ['supplierId', 'kind', 'brand', 'validFrom', 'validUntil', 'documentRef'] as const;
export const MAX_QUALIFICATION_ROWS = 5_000;

export type QualificationCsvReading = { ok: true; rows: QualificationInput[] } | { ok: false; issues: FieldIssue[] };

/**
 * A CSV of qualifications (header `supplierId,kind,brand,validFrom,validUntil,documentRef`, any order; brand
 * and documentRef may be left out) read whole, or every problem in it: each named `row <n>.<field>`, n the
 * line as a spreadsheet numbers it (the header is row 1). All or nothing: the caller records only an `ok` reading.
 */
export function readQualificationCsv(text: string): QualificationCsvReading {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    return { ok: false, issues: [{ path: `row ${(error as { lines?: number }).lines ?? 1}`, message: `not CSV: ${(error as Error).message}` }] };
  }
  const [header, ...body] = records;
  const columns = (header ?? []).map((name) => QUALIFICATION_CSV_COLUMNS.find((column) => column.toLowerCase() === name.toLowerCase()));
  const unknown = (header ?? []).filter((_, index) => !columns[index]);
  const absent = QUALIFICATION_CSV_COLUMNS.filter((column) => column !== 'brand' && column !== 'documentRef' && !columns.includes(column));
  if (!header || unknown.length > 0 || absent.length > 0) {
    const problems = [...(absent.length > 0 ? [`missing ${absent.join(', ')}`] : []), ...(unknown.length > 0 ? [`unknown ${unknown.join(', ')}`] : [])];
    return { ok: false, issues: [{ path: 'row 1', message: `the header must be ${QUALIFICATION_CSV_COLUMNS.join(',')}${problems.length > 0 ? ` (${problems.join('; ')})` : ''}` }] };
  }
  if (body.length === 0) return { ok: false, issues: [{ path: 'row 2', message: 'no qualifications in the file' }] };
  if (body.length > MAX_QUALIFICATION_ROWS) return { ok: false, issues: [{ path: `row ${MAX_QUALIFICATION_ROWS + 2}`, message: `at most ${MAX_QUALIFICATION_ROWS} rows per file: split it` }] };

  const rows: QualificationInput[] = [];
  const issues: FieldIssue[] = [];
  const firstRowOf = new Map<string, number>();
  body.forEach((record, index) => {
    const row = index + 2;
    if (record.length > header.length) return void issues.push({ path: `row ${row}`, message: `${record.length} fields, the header has ${header.length}` });
    const fields: Record<string, string> = {};
    columns.forEach((column, at) => {
      // An empty cell is an absent value: brand and documentRef are optional.
      if (column && record[at]) fields[column] = record[at];
    });
    const parsed = qualificationInputSchema.safeParse(fields);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ path: `row ${row}${issue.path.length > 0 ? `.${issue.path.join('.')}` : ''}`, message: issue.message });
      return;
    }
    const { supplierId, kind, brand, validFrom, validUntil } = parsed.data;
    const key = [supplierId, kind, brandKeyOf(brand), validFrom, validUntil].join('|');
    const first = firstRowOf.get(key);
    if (first !== undefined) return void issues.push({ path: `row ${row}`, message: `repeats row ${first}` });
    firstRowOf.set(key, row);
    rows.push(parsed.data);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rows };
}
