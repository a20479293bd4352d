/**
 * A blacklist value or a SKU field made comparable: full-width forms folded (NFKC, as the catalog's
 * cleanText does: `ＭＩＤＥＡ` → `MIDEA`), lower case, control characters and all white space dropped. White
 * space goes entirely rather than being collapsed because Chinese titles and brands are spaced
 * arbitrarily by suppliers (`九阳 豆浆机` / `九阳豆浆机`); staff should not have to guess which one.
 *
 * Deliberately here and tiny rather than shared with the catalog's text helpers: catalog-sync and
 * order-router must fold values identically, and orders may not import the catalog's domain lib.
 */
export function blacklistText(value: string | undefined | null): string {
  if (!value) return '';
  return (
    value
      .normalize('NFKC')
      .toLowerCase()
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f\u200b-\u200d\ufeff\s]/g, '')
  );
}
