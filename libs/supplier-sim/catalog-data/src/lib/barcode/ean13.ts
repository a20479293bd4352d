/** EAN-13 (GS1): 12 data digits and a check digit; mainland China's GS1 prefixes are 690–699. */

/** The check digit of 12 data digits: weights 1,3,1,3… from the left, then 10 − (sum mod 10). */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new RangeError(`EAN-13 needs 12 data digits, got "${first12}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (first12.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === code.charCodeAt(12) - 48;
}

/** A full EAN-13 from 12 data digits. */
export function ean13(first12: string): string {
  return first12 + String(ean13CheckDigit(first12));
}

/** The same code with a wrong check digit (a malformed record). */
export function corruptEan13(code: string): string {
  const wrong = (code.charCodeAt(12) - 48 + 1 + (code.charCodeAt(11) % 8)) % 10;
  return code.slice(0, 12) + String(wrong);
}
