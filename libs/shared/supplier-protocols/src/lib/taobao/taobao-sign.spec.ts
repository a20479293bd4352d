import { taobaoSign, taobaoSignBase, verifyTaobaoSign, type TaobaoParams } from './taobao-sign';

// The worked example at the end of /work/shared/reference/protocols.md, byte for byte.
const SECRET = 'helloworld';
const example = (signMethod: string): TaobaoParams => ({
  method: 'taobao.item.seller.get',
  app_key: '12345678',
  session: 'test-session',
  timestamp: '2026-11-22 12:00:00',
  format: 'json',
  v: '2.0',
  sign_method: signMethod,
  fields: 'num_iid,title,price',
  num_iid: '520813250866',
});

describe('taobaoSign', () => {
  it('concatenates the sorted parameters as the notes show', () => {
    expect(taobaoSignBase(example('md5'))).toBe(
      'app_key12345678fieldsnum_iid,title,priceformatjsonmethodtaobao.item.seller.get' +
        'num_iid520813250866sessiontest-sessionsign_methodmd5timestamp2026-11-22 12:00:00v2.0',
    );
  });

  it.each([
    ['md5', 'E40942E99A2CE839A6723FB7284328CE'],
    ['hmac', '58E7EF71C674626898A5A4E36BAD31DB'],
    ['hmac-sha256', '318ADDECC8CCC49C2BD07A90E64D83238AE6601BEE8D5AC502FA9450EF2564D4'],
  ] as const)('reproduces the worked %s signature', (method, expected) => {
    expect(taobaoSign(example(method), SECRET, method)).toBe(expected);
  });

  it('leaves out sign and empty values, and signs numbers as their decimal text', () => {
    const withExtras = { ...example('md5'), num_iid: 520813250866, sign: 'ANYTHING', partner_id: '', simplify: undefined, q: null };
    expect(taobaoSign(withExtras, SECRET, 'md5')).toBe('E40942E99A2CE839A6723FB7284328CE');
  });

  it('verifies a signed request and refuses a tampered one', () => {
    const signed = { ...example('hmac'), sign: taobaoSign(example('hmac'), SECRET, 'hmac') };
    expect(verifyTaobaoSign(signed, SECRET)).toBe(true);
    expect(verifyTaobaoSign({ ...signed, num_iid: '520813250867' }, SECRET)).toBe(false);
    expect(verifyTaobaoSign(signed, 'other-secret')).toBe(false);
    expect(verifyTaobaoSign({ ...signed, sign_method: 'sha1' }, SECRET)).toBe(false);
  });
});
