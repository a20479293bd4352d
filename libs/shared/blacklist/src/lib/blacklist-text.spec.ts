import { blacklistText } from './blacklist-text';

describe('blacklistText', () => {
  it('folds full-width letters, digits and punctuation to their ASCII forms, and case', () => {
    expect(blacklistText('ＭＩＤＥＡ')).toBe('midea');
    expect(blacklistText('ＪＹ－ＦＢＹ８')).toBe('jy-fby8');
    expect(blacklistText('九阳（Joyoung）')).toBe('九阳(joyoung)');
  });

  it('drops white space of every width, and control and zero-width characters', () => {
    expect(blacklistText('  美的\u3000 Midea\t\n')).toBe('美的midea');
    expect(blacklistText('三只\u200b松鼠\u0007')).toBe('三只松鼠');
  });

  it('keeps Chinese characters as they are', () => {
    expect(blacklistText('伊利 金典 纯牛奶')).toBe('伊利金典纯牛奶');
  });

  it('is empty for nothing', () => {
    expect(blacklistText(undefined)).toBe('');
    expect(blacklistText(null)).toBe('');
    expect(blacklistText(' \u3000 ')).toBe('');
  });
});
