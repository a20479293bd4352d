/** What a direct top-up credits: a mobile number (话费 / 流量), a fuel card (加油卡), a membership account. */
export type AccountKind = 'mobile' | 'fuel-card' | 'member-id';

export type AccountCheck = { ok: true; account: string } | { ok: false; message: string };

const MOBILE = /^1[3-9]\d{9}$/;
// 中国石化 cards: 19 digits from 100011; 中国石油 cards: 16 digits from 9.
const SINOPEC_CARD = /^100011\d{13}$/;
const PETROCHINA_CARD = /^9\d{15}$/;
const MEMBER_ID = /^[A-Za-z0-9_.@-]{5,64}$/;

/**
 * The account normalised (spaces, dashes and a +86 / 0086 prefix removed from numbers) or why it cannot
 * be credited. Checked before anything is sent, so a typo fails the line at once instead of at the provider.
 */
export function checkTopUpAccount(kind: AccountKind, raw: string | undefined): AccountCheck {
  if (!raw || raw.trim() === '') return { ok: false, message: `a ${describe(kind)} is needed for this top-up` };
  const digits = raw.replace(/[\s-]/g, '');
  switch (kind) {
    case 'mobile': {
      const mobile = digits.replace(/^(\+86|0086)/, '');
      return MOBILE.test(mobile) ? { ok: true, account: mobile } : { ok: false, message: 'not a mainland China mobile number (11 digits starting with 13–19)' };
    }
    case 'fuel-card':
      return SINOPEC_CARD.test(digits) || PETROCHINA_CARD.test(digits)
        ? { ok: true, account: digits }
        : { ok: false, message: 'not a fuel card number (中国石化: 19 digits starting 100011; 中国石油: 16 digits starting 9)' };
    case 'member-id':
      return MEMBER_ID.test(raw.trim()) ? { ok: true, account: raw.trim() } : { ok: false, message: 'not a member account (5–64 letters, digits, "_", ".", "@" or "-")' };
  }
}

function describe(kind: AccountKind): string {
  return kind === 'mobile' ? 'mobile number' : kind === 'fuel-card' ? 'fuel card number' : 'member account';
}
