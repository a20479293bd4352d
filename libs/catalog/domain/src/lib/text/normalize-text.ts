/**
 * Text as suppliers send it, made comparable: full-width forms folded (NFKC turns `ＭＢ－ＦＢ４０` into
 * `MB-FB40`), control characters dropped, runs of white space collapsed.
 */
export function cleanText(value: string): string {
  return (
    value
      .normalize('NFKC')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f\u200b-\u200d\ufeff]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * A key for matching: cleaned, lower case, without spaces and punctuation, so `Midea 美的`, `MIDEA美的`
 * and `midea-美的` meet. Chinese characters are kept as they are.
 */
export function matchingKey(value: string): string {
  return cleanText(value)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Yuan as suppliers write it (`"199"`, `"199.9"`, `"¥1,299.00"`) to integer fen; undefined when it is not a price. */
export function yuanToFen(value: string | number | undefined | null): number | undefined {
  if (value === undefined || value === null) return undefined;
  const text =
    typeof value === 'number'
      ? String(value)
      : cleanText(value)
          .replace(/^[¥￥]/, '')
          .replace(/,/g, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(text)) return undefined;
  const [yuan, fraction = ''] = text.replace('-', '').split('.');
  const fen = Number(yuan) * 100 + Number(fraction.padEnd(2, '0'));
  return text.startsWith('-') ? -fen : fen;
}
