import { readQualificationCsv } from './qualification-csv';

describe('reading a qualifications CSV', () => {
  const header = 'supplierId,kind,brand,validFrom,validUntil,documentRef';

  it('reads every row, empty optional cells absent', () => {
    const reading = readQualificationCsv(`\uFEFF${header}\njd,business-licence,,2026-01-01,2030-12-31,91110000MA01\njd,brand-authorisation,美的,2026-01-01,2026-12-31,\n`);
    expect(reading).toEqual({
      ok: true,
      rows: [
        { supplierId: 'jd', kind: 'business-licence', validFrom: '2026-01-01', validUntil: '2030-12-31', documentRef: '91110000MA01' },
        { supplierId: 'jd', kind: 'brand-authorisation', brand: '美的', validFrom: '2026-01-01', validUntil: '2026-12-31' },
      ],
    });
  });

  it('names every broken row and field, counting the header as row 1', () => {
    const reading = readQualificationCsv(
      [header, 'jd,brand-authorisation,美的,2026-01-01,2026-12-31,', 'jd,brand-authorisation,,2026-01-01,2026-12-31,', 'taobao,brand-authorisation,格力,2026-06-01,2026-05-31,x', 'jd,brand-authorisation,美的,2026-01-01,2026-12-31,again', 'jd,business-licence,,2026-01-01,2026-12-31,x,extra'].join('\n'),
    );
    expect(reading).toEqual({
      ok: false,
      issues: [
        { path: 'row 3.brand', message: 'is required for a brand-authorisation' },
        { path: 'row 4.validUntil', message: 'must not be before validFrom (2026-06-01)' },
        { path: 'row 5', message: 'repeats row 2' },
        { path: 'row 6', message: '7 fields, the header has 6' },
      ],
    });
  });

  it('takes columns in any order and without the optional ones', () => {
    const reading = readQualificationCsv('kind,supplierId,validUntil,validFrom\nbusiness-licence,jd,2030-12-31,2026-01-01');
    expect(reading).toEqual({ ok: true, rows: [{ supplierId: 'jd', kind: 'business-licence', validFrom: '2026-01-01', validUntil: '2030-12-31' }] });
  });

  it('refuses a header it does not know, an empty file and text that is not CSV', () => {
    expect(readQualificationCsv('supplier,kind,from,until\njd,business-licence,2026-01-01,2030-12-31')).toEqual({
      ok: false,
      issues: [{ path: 'row 1', message: 'the header must be supplierId,kind,brand,validFrom,validUntil,documentRef (missing supplierId, validFrom, validUntil; unknown supplier, from, until)' }],
    });
    expect(readQualificationCsv(`${header}\n`)).toEqual({ ok: false, issues: [{ path: 'row 2', message: 'no qualifications in the file' }] });
    expect(readQualificationCsv('')).toMatchObject({ ok: false, issues: [{ path: 'row 1' }] });
    expect(readQualificationCsv(`${header}\n"jd,brand`)).toMatchObject({ ok: false, issues: [{ path: expect.stringMatching(/^row \d/), message: expect.stringMatching(/^not CSV/) }] });
  });
});
