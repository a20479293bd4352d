import { checkTopUpAccount } from './top-up-account';

describe('checkTopUpAccount', () => {
  it.each([
    ['mobile', '13812345678', '13812345678'],
    ['mobile', '+86 138-1234-5678', '13812345678'],
    ['fuel-card', '1000113200001234567', '1000113200001234567'],
    ['fuel-card', '9030 0000 1234 5678', '9030000012345678'],
    ['member-id', ' vip_user.01 ', 'vip_user.01'],
  ] as const)('%s %s → %s', (kind, raw, account) => {
    expect(checkTopUpAccount(kind, raw)).toEqual({ ok: true, account });
  });

  it.each([
    ['mobile', '12812345678', /mobile number/],
    ['mobile', '1381234567', /mobile number/],
    ['fuel-card', '1000123200001234567', /fuel card/],
    ['fuel-card', '8030000012345678', /fuel card/],
    ['member-id', 'ab', /member account/],
    ['mobile', undefined, /mobile number is needed/],
  ] as const)('%s %s is refused', (kind, raw, message) => {
    const check = checkTopUpAccount(kind, raw);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.message).toMatch(message);
  });
});
