/**
 * Barcodes as suppliers send them, checked and widened to EAN-13: UPC-A (12 digits) gets a leading 0,
 * EAN-8 stays a separate space and is prefixed with five zeros, as GS1 does for GTIN-13 comparisons.
 * Returns undefined for anything whose check digit is wrong: a wrong barcode must not merge two products.
 */
export function normalizeBarcode(raw: string | undefined | null): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const digits = raw.normalize('NFKC').replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) return undefined;
  let gtin: string;
  if (digits.length === 13) gtin = digits;
  else if (digits.length === 12) gtin = `0${digits}`;
  else if (digits.length === 8) gtin = `00000${digits}`;
  else if (digits.length === 14 && digits.startsWith('0')) gtin = digits.slice(1);
  else return undefined;
  return hasValidCheckDigit(gtin) ? gtin : undefined;
}

/** GS1 mod-10 over a GTIN-13: weights 1 and 3 alternating from the left, check digit last. */
export function hasValidCheckDigit(gtin13: string): boolean {
  if (!/^\d{13}$/.test(gtin13)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(gtin13[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === Number(gtin13[12]);
}
