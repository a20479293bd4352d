import { cleanText, matchingKey, yuanToFen } from './normalize-text';

describe('text normalisation', () => {
  it('folds full-width forms, drops control characters and collapses white space', () => {
    expect(cleanText('  美的\u3000ＭＢ－ＦＢ４０\tS701\u200b ')).toBe('美的 MB-FB40 S701');
  });

  it('makes a matching key without case, spaces or punctuation', () => {
    expect(matchingKey('Midea 美的')).toBe(matchingKey('MIDEA-美的'));
    expect(matchingKey('JY-FBY8 IPWV')).toBe('jyfby8ipwv');
  });

  it.each([
    ['199', 19900],
    ['199.9', 19990],
    ['0.05', 5],
    ['¥1,299.00', 129900],
    [39.9, 3990],
    ['-3.50', -350],
  ])('reads %p yuan as %p fen', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it.each([['abc'], ['1.234'], [''], [undefined], [null]])('refuses %p as a price', (value) => {
    expect(yuanToFen(value)).toBeUndefined();
  });
});
