import { corruptEan13, ean13, ean13CheckDigit, isValidEan13 } from './ean13';

describe('EAN-13', () => {
  it('computes the GS1 check digit', () => {
    // Published examples: 4006381333931 (GS1's own) and 6901234567892.
    expect(ean13CheckDigit('400638133393')).toBe(1);
    expect(ean13('690123456789')).toBe('6901234567892');
  });

  it('accepts valid codes and refuses wrong check digits, lengths and letters', () => {
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
    expect(isValidEan13('400638133393')).toBe(false);
    expect(isValidEan13('40063813339X1')).toBe(false);
  });

  it('corrupts a code so that its check digit is always wrong', () => {
    for (const body of ['690000000000', '690123456789', '699999999999', '691111111111']) {
      const bad = corruptEan13(ean13(body));
      expect(bad.slice(0, 12)).toBe(body);
      expect(isValidEan13(bad)).toBe(false);
    }
  });
});
