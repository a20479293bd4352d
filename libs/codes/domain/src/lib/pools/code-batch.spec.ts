import { readCodeBatch } from './code-batch';

const now = new Date('2026-11-23T00:00:00Z');
const terms = { skuId: 'sku-1', faceValueFen: 3000, costFen: 2850, expiresAt: new Date('2027-06-30T00:00:00Z') };

describe('readCodeBatch', () => {
  it('reads codes, passwords and per-code expiry (the earlier of row and batch)', () => {
    const reading = readCodeBatch('\uFEFF卡号,密码,有效期\nAAAA-0001,pw01,2027-01-31\nAAAA-0002,pw02,\n', terms, now);
    expect(reading).toEqual({
      ok: true,
      rows: [
        { line: 2, code: 'AAAA-0001', password: 'pw01', expiresAt: new Date('2027-01-31T23:59:59+08:00') },
        { line: 3, code: 'AAAA-0002', password: 'pw02', expiresAt: terms.expiresAt },
      ],
    });
  });

  it('names every bad row by its line and imports nothing', () => {
    const reading = readCodeBatch('code,password,expires_at\nGOOD-0001,pw\nx,pw\nGOOD-0001,pw2\nGOOD-0003,pw,someday\nGOOD-0004,pw,2025-01-01\n,pw\n', terms, now);
    expect(reading).toEqual({
      ok: false,
      issues: [
        { line: 3, message: 'code must be 4–128 printable characters without spaces' },
        { line: 4, message: 'code repeats line 2' },
        { line: 5, message: 'expires_at "someday" is not a date (2027-06-30 or an ISO date-time)' },
        { line: 6, message: 'code expired at 2025-01-01T15:59:59.000Z' },
        { line: 7, message: 'code is empty' },
      ],
    });
  });

  it('refuses an expired batch, a file without a code column and an empty file', () => {
    expect(readCodeBatch('code\nAAAA-1', { ...terms, expiresAt: new Date('2026-11-01T00:00:00Z') }, now)).toMatchObject({ ok: false, issues: [{ line: 0, message: /batch expired/ }] });
    expect(readCodeBatch('serial,pin\n1,2', terms, now)).toMatchObject({ ok: false, issues: [{ line: 1, message: /unknown: serial, pin/ }] });
    expect(readCodeBatch('', terms, now)).toMatchObject({ ok: false, issues: [{ line: 1, message: /empty file/ }] });
    expect(readCodeBatch('code\n', terms, now)).toMatchObject({ ok: false, issues: [{ line: 2, message: /no codes/ }] });
  });

  it('refuses rows with more fields than the header', () => {
    expect(readCodeBatch('code\nAAAA-0001,extra', terms, now)).toEqual({ ok: false, issues: [{ line: 2, message: '2 fields, the header has 1' }] });
  });
});
