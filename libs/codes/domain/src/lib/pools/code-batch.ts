import { parse } from 'csv-parse/sync';

/** What staff say about a batch of card codes (卡密) besides the file itself. */
export interface CodeBatchTerms {
  skuId: string;
  /** Face value per code, in fen. */
  faceValueFen: number;
  /** What we paid per code, in fen. */
  costFen: number;
  /** When the batch's codes stop working, unless a row says otherwise (earlier). */
  expiresAt: Date;
}

export interface CodeBatchRow {
  /** 1-based line in the file, header included, as a spreadsheet shows it. */
  line: number;
  code: string;
  password?: string;
  expiresAt: Date;
}

export interface CodeBatchIssue {
  line: number;
  message: string;
}

export type CodeBatchReading = { ok: true; rows: CodeBatchRow[] } | { ok: false; issues: CodeBatchIssue[] };

export const MAX_CODES_PER_BATCH = 100_000;

// Column names as suppliers' exports spell them, English or Chinese.
const COLUMNS: Record<string, 'code' | 'password' | 'expiresAt'> = {
  code: 'code',
  card_no: 'code',
  卡号: 'code',
  卡密: 'code',
  password: 'password',
  card_password: 'password',
  密码: 'password',
  expires_at: 'expiresAt',
  expiry: 'expiresAt',
  有效期: 'expiresAt',
  过期时间: 'expiresAt',
};

const CODE = /^[\x21-\x7E]{4,128}$/;
const PASSWORD = /^[\x21-\x7E]{1,128}$/;

/**
 * A CSV of codes read whole, or every reason it cannot be imported: each malformed row named by its
 * line, codes repeated within the file, an expired batch. All or nothing: the caller imports only an
 * `ok` reading (and then checks the codes against those already stored).
 */
export function readCodeBatch(text: string, terms: CodeBatchTerms, now: Date): CodeBatchReading {
  if (terms.expiresAt.getTime() <= now.getTime()) return { ok: false, issues: [{ line: 0, message: `the batch expired at ${terms.expiresAt.toISOString()}` }] };
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    return { ok: false, issues: [{ line: (error as { lines?: number }).lines ?? 0, message: `not CSV: ${(error as Error).message}` }] };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, issues: [{ line: 1, message: 'empty file: a header line (code,password,expires_at) and at least one code are needed' }] };
  const columns = header.map((name) => COLUMNS[name.toLowerCase()]);
  const unknown = header.filter((_, index) => !columns[index]);
  if (unknown.length > 0 || !columns.includes('code')) {
    return { ok: false, issues: [{ line: 1, message: `header must name a code column (code / 卡号) and may add password / 密码 and expires_at / 有效期; unknown: ${unknown.join(', ') || 'none'}` }] };
  }
  if (body.length === 0) return { ok: false, issues: [{ line: 2, message: 'no codes in the file' }] };
  if (body.length > MAX_CODES_PER_BATCH) return { ok: false, issues: [{ line: MAX_CODES_PER_BATCH + 2, message: `at most ${MAX_CODES_PER_BATCH} codes per batch` }] };

  const rows: CodeBatchRow[] = [];
  const issues: CodeBatchIssue[] = [];
  const firstLineOf = new Map<string, number>();
  body.forEach((record, index) => {
    const line = index + 2;
    const fields: Partial<Record<'code' | 'password' | 'expiresAt', string>> = {};
    columns.forEach((column, at) => {
      if (column && record[at]) fields[column] = record[at];
    });
    if (record.length > header.length) return issues.push({ line, message: `${record.length} fields, the header has ${header.length}` });
    const { code, password } = fields;
    if (!code) return issues.push({ line, message: 'code is empty' });
    if (!CODE.test(code)) return issues.push({ line, message: 'code must be 4–128 printable characters without spaces' });
    if (password !== undefined && !PASSWORD.test(password)) return issues.push({ line, message: 'password must be 1–128 printable characters without spaces' });
    let expiresAt = terms.expiresAt;
    if (fields.expiresAt) {
      const own = parseExpiry(fields.expiresAt);
      if (!own) return issues.push({ line, message: `expires_at "${fields.expiresAt}" is not a date (2027-06-30 or an ISO date-time)` });
      if (own.getTime() <= now.getTime()) return issues.push({ line, message: `code expired at ${own.toISOString()}` });
      if (own.getTime() < expiresAt.getTime()) expiresAt = own;
    }
    const first = firstLineOf.get(code);
    if (first !== undefined) return issues.push({ line, message: `code repeats line ${first}` });
    firstLineOf.set(code, line);
    rows.push({ line, code, ...(password ? { password } : {}), expiresAt });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rows };
}

/** A date (end of that day, Beijing time) or an ISO date-time. */
function parseExpiry(text: string): Date | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = day ? new Date(`${day[1]}-${day[2]}-${day[3]}T23:59:59+08:00`) : new Date(text);
  return Number.isNaN(date.getTime()) || (!day && !/T/.test(text)) ? undefined : date;
}
