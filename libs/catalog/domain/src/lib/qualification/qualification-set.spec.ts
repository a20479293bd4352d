import { newQualification, type Qualification, type QualificationInput } from './qualification';
import { lapseReason, QualificationSet } from './qualification-set';

const at = (day: string) => new Date(`${day}T12:00:00+08:00`);
const doc = (fields: Partial<QualificationInput> & Pick<QualificationInput, 'kind' | 'validFrom' | 'validUntil'>): Qualification =>
  newQualification({ supplierId: 'jd', ...fields }, 'quality-li', new Date('2026-01-01T00:00:00Z'));
const licence = (validFrom: string, validUntil: string, supplierId = 'jd') => doc({ kind: 'business-licence', validFrom, validUntil, supplierId });
const authorisation = (brand: string, validFrom: string, validUntil: string, supplierId = 'jd') => doc({ kind: 'brand-authorisation', brand, validFrom, validUntil, supplierId });

describe('QualificationSet', () => {
  const set = new QualificationSet([licence('2026-01-01', '2027-12-31'), authorisation('美的', '2026-01-01', '2026-09-30'), authorisation('Midea', '2026-01-01', '2026-12-31')]);

  it('qualifies a supplier with a valid licence and a valid authorisation for the brand', () => {
    expect(set.statusOf('jd', '美的', at('2026-06-01'))).toEqual({ status: 'qualified', until: '2026-09-30' });
    expect(set.isQualified('jd', '美的', at('2026-06-01'))).toBe(true);
  });

  it('compares brands as the catalog files them (case, full width, spaces, a bracketed alias)', () => {
    expect(set.isQualified('jd', 'ＭＩＤＥＡ', at('2026-06-01'))).toBe(true);
    expect(set.isQualified('jd', 'midea (美的)', at('2026-06-01'))).toBe(true);
    expect(set.isQualified('jd', '格力', at('2026-06-01'))).toBe(false);
  });

  it('warns within 30 days of the last covered day, the last day itself included', () => {
    expect(set.statusOf('jd', '美的', at('2026-09-01'))).toEqual({ status: 'expiring', until: '2026-09-30', daysLeft: 29 });
    expect(set.statusOf('jd', '美的', at('2026-09-30'))).toEqual({ status: 'expiring', until: '2026-09-30', daysLeft: 0 });
    expect(set.statusOf('jd', '美的', at('2026-08-31')).status).toBe('qualified');
    expect(set.statusOf('jd', '美的', at('2026-09-20'), 5).status).toBe('qualified');
    expect(set.isQualified('jd', '美的', at('2026-09-30'))).toBe(true);
  });

  it('is expired the day after validUntil (Beijing time), naming what lapsed', () => {
    expect(set.statusOf('jd', '美的', new Date('2026-09-30T15:59:59Z')).status).toBe('expiring');
    expect(set.statusOf('jd', '美的', new Date('2026-09-30T16:00:00Z'))).toEqual({ status: 'expired', lapsed: [{ kind: 'brand-authorisation', validUntil: '2026-09-30' }] });
    expect(set.isQualified('jd', '美的', at('2026-10-01'))).toBe(false);
  });

  it('lapses every brand with the business licence', () => {
    expect(set.statusOf('jd', 'Midea', at('2028-01-01'))).toEqual({
      status: 'expired',
      lapsed: [
        { kind: 'business-licence', validUntil: '2027-12-31' },
        { kind: 'brand-authorisation', validUntil: '2026-12-31' },
      ],
    });
    const licenceOnly = new QualificationSet([licence('2025-01-01', '2025-12-31'), authorisation('美的', '2025-01-01', '2030-12-31')]);
    expect(licenceOnly.statusOf('jd', '美的', at('2026-01-01'))).toEqual({ status: 'expired', lapsed: [{ kind: 'business-licence', validUntil: '2025-12-31' }] });
    // A brand it was never authorised for: the licence's lapse still counts.
    expect(licenceOnly.statusOf('jd', '格力', at('2026-01-01'))).toEqual({ status: 'expired', lapsed: [{ kind: 'business-licence', validUntil: '2025-12-31' }] });
  });

  it('is missing, not expired, where nothing was ever recorded or nothing has started yet', () => {
    expect(set.statusOf('jd', '格力', at('2026-06-01'))).toEqual({ status: 'missing', missing: ['brand-authorisation'] });
    expect(set.statusOf('taobao', '美的', at('2026-06-01'))).toEqual({ status: 'missing', missing: ['business-licence', 'brand-authorisation'] });
    const future = new QualificationSet([licence('2027-01-01', '2027-12-31'), authorisation('美的', '2027-01-01', '2027-12-31')]);
    expect(future.statusOf('jd', '美的', at('2026-06-01')).status).toBe('missing');
    expect(future.isQualified('jd', '美的', at('2027-01-01'))).toBe(true);
  });

  it('chains a renewal recorded ahead of time: no warning, no lapse', () => {
    const renewed = new QualificationSet([licence('2026-01-01', '2030-12-31'), authorisation('美的', '2026-01-01', '2026-09-30'), authorisation('美的', '2026-10-01', '2027-09-30')]);
    expect(renewed.statusOf('jd', '美的', at('2026-09-15'))).toEqual({ status: 'qualified', until: '2027-09-30' });
    expect(renewed.statusOf('jd', '美的', at('2026-10-01')).status).toBe('qualified');
    expect(renewed.expiring(at('2026-09-15'))).toEqual([]);
    // A gap of one day is a gap.
    const gap = new QualificationSet([licence('2026-01-01', '2030-12-31'), authorisation('美的', '2026-01-01', '2026-09-30'), authorisation('美的', '2026-10-02', '2027-09-30')]);
    expect(gap.statusOf('jd', '美的', at('2026-10-01')).status).toBe('expired');
  });

  it('lists the documents ending within the window, soonest first, and not those renewed or other suppliers’ later ones', () => {
    const list = new QualificationSet([
      licence('2026-01-01', '2026-10-15'),
      authorisation('美的', '2026-01-01', '2026-09-30'),
      authorisation('格力', '2026-01-01', '2027-09-30'),
      licence('2026-01-01', '2026-09-20', 'taobao'),
      licence('2026-09-21', '2027-09-20', 'taobao'),
      authorisation('海尔', '2025-01-01', '2025-12-31'),
    ]);
    expect(list.expiring(at('2026-09-16')).map((item) => [item.qualification.supplierId, item.qualification.kind, item.qualification.brand ?? '', item.daysLeft])).toEqual([
      ['jd', 'brand-authorisation', '美的', 14],
      ['jd', 'business-licence', '', 29],
    ]);
    expect(list.expiring(at('2026-09-16'), 20)).toHaveLength(1);
  });

  it('lists the lapses in force: per supplier and kind (and brand), the latest ended document, none once renewed', () => {
    const history = new QualificationSet([
      licence('2024-01-01', '2024-12-31'),
      licence('2025-01-01', '2025-12-31'),
      authorisation('美的', '2025-01-01', '2026-03-31'),
      authorisation('ＭＩＤＥＡ', '2025-01-01', '2025-06-30'),
      authorisation('格力', '2025-01-01', '2025-12-31'),
      authorisation('格力', '2026-01-01', '2026-12-31'),
      licence('2025-01-01', '2025-06-30', 'taobao'),
    ]);
    expect(history.lapses(at('2026-05-01'))).toEqual([
      { supplierId: 'jd', kind: 'business-licence', brandKey: '', validUntil: '2025-12-31' },
      { supplierId: 'jd', kind: 'brand-authorisation', brandKey: '美的', validUntil: '2026-03-31' },
      { supplierId: 'jd', kind: 'brand-authorisation', brandKey: 'midea', validUntil: '2025-06-30' },
      { supplierId: 'taobao', kind: 'business-licence', brandKey: '', validUntil: '2025-06-30' },
    ]);
    expect(history.lapses(at('2025-03-01'))).toEqual([]);
  });

  it('says why in words staff read', () => {
    expect(lapseReason('jd', '美的', [{ kind: 'brand-authorisation', validUntil: '2026-09-30' }])).toBe("supplier jd's brand authorisation for 美的 expired on 2026-10-01");
    expect(lapseReason('jd', '美的', [{ kind: 'business-licence', validUntil: '2026-12-31' }])).toBe("supplier jd's business licence expired on 2027-01-01");
  });
});
