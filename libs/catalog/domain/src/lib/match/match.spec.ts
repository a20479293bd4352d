import { hasValidCheckDigit, normalizeBarcode } from './barcode';
import { matchKeyOf, skuIdFor } from './match-key';

describe('barcodes', () => {
  it('accepts EAN-13 with a valid check digit', () => {
    expect(normalizeBarcode('6901234567892')).toBe('6901234567892');
    expect(hasValidCheckDigit('6901234567892')).toBe(true);
  });

  it('widens UPC-A, EAN-8 and GTIN-14 to 13 digits', () => {
    expect(normalizeBarcode('036000291452')).toBe('0036000291452');
    expect(normalizeBarcode('96385074')).toBe('0000096385074');
    expect(normalizeBarcode('06901234567892')).toBe('6901234567892');
  });

  it('refuses a wrong check digit, letters and odd lengths, so no two products merge by mistake', () => {
    expect(normalizeBarcode('6901234567893')).toBeUndefined();
    expect(normalizeBarcode('69012345678X2')).toBeUndefined();
    expect(normalizeBarcode('123456')).toBeUndefined();
  });
});

describe('matching', () => {
  it('matches by barcode first', () => {
    expect(matchKeyOf({ offerId: 'jd:1', barcode: '6901234567892', brand: '美的', model: 'A1' })).toBe('bc:6901234567892');
  });

  it('else by normalised brand and model', () => {
    const a = matchKeyOf({ offerId: 'jd:1', brand: '爱奇艺', model: 'VIP-M1' });
    const b = matchKeyOf({ offerId: 'taobao:2', brand: ' 爱奇艺', model: 'vip m1' });
    expect(a).toBe('bm:爱奇艺|vipm1');
    expect(b).toBe(a);
  });

  it('else an offer matches only itself', () => {
    expect(matchKeyOf({ offerId: 'jd:1', brand: '美的' })).toBe('offer:jd:1');
  });

  it('derives one SKU id per match key, the same every time', () => {
    expect(skuIdFor('bc:6901234567892')).toBe(skuIdFor('bc:6901234567892'));
    expect(skuIdFor('bc:6901234567892')).not.toBe(skuIdFor('bc:6901234567809'));
    expect(skuIdFor('bc:6901234567892')).toMatch(/^sku_[0-9a-f]{20}$/);
  });
});
