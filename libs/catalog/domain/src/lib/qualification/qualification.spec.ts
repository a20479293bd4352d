import { brandKeyOf, qualificationIdOf, qualificationInputSchema } from './qualification';

const issuesOf = (input: Record<string, unknown>) => {
  const parsed = qualificationInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
};

describe('qualification input', () => {
  const authorisation = { supplierId: 'jd', kind: 'brand-authorisation', brand: ' 美的 ', validFrom: '2026-01-01', validUntil: '2026-12-31', documentRef: 'https://docs.example/a.pdf' };

  it('takes a brand authorisation and a business licence', () => {
    expect(qualificationInputSchema.parse(authorisation)).toEqual({ ...authorisation, brand: '美的' });
    expect(qualificationInputSchema.parse({ supplierId: 'brand-midea', kind: 'business-licence', validFrom: '2026-01-01', validUntil: '2026-01-01' })).toEqual({
      supplierId: 'brand-midea',
      kind: 'business-licence',
      validFrom: '2026-01-01',
      validUntil: '2026-01-01',
    });
  });

  it('refuses an end before the start, naming validUntil', () => {
    expect(issuesOf({ ...authorisation, validUntil: '2025-12-31' })).toEqual([['validUntil', 'must not be before validFrom (2026-01-01)']]);
  });

  it('wants a brand on an authorisation and none on a licence', () => {
    expect(issuesOf({ ...authorisation, brand: undefined })).toEqual([['brand', 'is required for a brand-authorisation']]);
    expect(issuesOf({ ...authorisation, brand: ' ・ ' })).toEqual([['brand', 'is required for a brand-authorisation']]);
    expect(issuesOf({ ...authorisation, kind: 'business-licence' })).toEqual([['brand', 'must be empty for a business-licence (it covers every brand)']]);
  });

  it('names malformed fields', () => {
    expect(issuesOf({ ...authorisation, supplierId: 'JD Mall', kind: 'licence', validFrom: '2026-02-30', validUntil: '31/12/2026' }).map(([path]) => path)).toEqual([
      'supplierId',
      'kind',
      'validFrom',
      'validUntil',
    ]);
  });

  it('folds brands as the catalog files them and derives one id per document', () => {
    expect(brandKeyOf('Ｍｉｄｅａ/美的')).toBe(brandKeyOf('midea 美的'));
    expect(brandKeyOf('小米（MI）')).toBe(brandKeyOf('小米'));
    const input = qualificationInputSchema.parse(authorisation);
    expect(qualificationIdOf(input)).toMatch(/^qual_[0-9a-f]{20}$/);
    expect(qualificationIdOf({ ...input, brand: 'ＭＩＤＥＡ' })).not.toBe(qualificationIdOf(input));
    expect(qualificationIdOf({ ...input, brand: '美 的' })).toBe(qualificationIdOf(input));
  });
});
