import type { Spec } from '../offer/canonical-offer';
import { normalizeBarcode } from '../match/barcode';
import { cleanText } from '../text/normalize-text';

/** `name:value;name:value` (full-width separators too) into specs; entries without a name are dropped. */
export function parseSpecs(text: string | undefined | null): Spec[] {
  if (!text) return [];
  return text
    .split(/[;；]/)
    .map((entry) => entry.split(/[:：]/))
    .filter((parts) => parts.length >= 2 && cleanText(parts[0]!) !== '')
    .map(([name, ...value]) => ({ name: cleanText(name!), value: cleanText(value.join(':')) }));
}

/** A brand as suppliers write it (`小米（MI）`, `Midea/美的`) to the name the catalog files it under. */
export function cleanBrand(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  const brand = cleanText(raw)
    .replace(/\s*\([^)]*\)\s*/g, '')
    .trim();
  return brand || undefined;
}

/**
 * The model number in a title, where suppliers put it last (`… 不粘内胆 JY-FBY8IPWV`): the last word
 * with both letters and digits, four characters or more.
 */
export function modelFromTitle(title: string | undefined | null): string | undefined {
  if (!title) return undefined;
  const words = cleanText(title).split(' ').reverse();
  return words.find((word) => word.length >= 4 && /^[A-Za-z0-9][A-Za-z0-9-]*$/.test(word) && /[A-Za-z]/.test(word) && /\d/.test(word));
}

/** The normalised barcode, or the raw value to report when it fails its check digit. */
export function barcodeFields(raw: string | undefined | null): { barcode?: string; invalidBarcode?: string } {
  if (raw === undefined || raw === null || cleanText(raw) === '') return {};
  const barcode = normalizeBarcode(raw);
  return barcode ? { barcode } : { invalidBarcode: cleanText(raw) };
}

/** Absolute http(s) URLs only, duplicates dropped, order kept. */
export function cleanImages(urls: readonly (string | undefined | null)[]): string[] {
  return [...new Set(urls.map((url) => (url ? cleanText(url) : '')).filter((url) => /^https?:\/\//.test(url)))];
}

/** A whole-number stock cell (`"12"`, `12`); undefined for anything else. */
export function parseStock(value: string | number | undefined | null): number | undefined {
  if (value === undefined || value === null) return undefined;
  const text = typeof value === 'number' ? String(value) : cleanText(value);
  return /^-?\d+$/.test(text) ? Number(text) : undefined;
}
