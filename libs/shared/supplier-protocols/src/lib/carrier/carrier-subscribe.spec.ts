import { carrierSubscribeForm, carrierSubscribeFormSchema, carrierSubscribeOutcome, type CarrierSubscribeParam } from './carrier-subscribe';

const subscription: CarrierSubscribeParam = {
  company: 'shunfeng',
  number: 'SF1234567890',
  key: 'sandbox-key',
  parameters: { callbackurl: 'http://127.0.0.1:3002/carrier/pushes', salt: 's4lt', resultv2: '1' },
};

describe('carrier subscribe', () => {
  it('round-trips the form: schema=json and param as JSON text', () => {
    const form = carrierSubscribeForm(subscription);
    expect(form.schema).toBe('json');
    expect(typeof form.param).toBe('string');
    expect(carrierSubscribeFormSchema.parse(form)).toEqual({ schema: 'json', param: subscription });
  });

  it.each([
    ['schema other than json', { schema: 'xml', param: JSON.stringify(subscription) }],
    ['param that is not JSON', { schema: 'json', param: '{company:' }],
    ['missing number', { schema: 'json', param: JSON.stringify({ ...subscription, number: undefined }) }],
    ['upper-case carrier code', { schema: 'json', param: JSON.stringify({ ...subscription, company: 'SF' }) }],
    ['callback URL that is not http(s)', { schema: 'json', param: JSON.stringify({ ...subscription, parameters: { callbackurl: 'ftp://x/y' } }) }],
    ['resultv2 out of range', { schema: 'json', param: JSON.stringify({ ...subscription, parameters: { ...subscription.parameters, resultv2: '7' } }) }],
  ])('refuses a %s', (_, form) => {
    expect(carrierSubscribeFormSchema.safeParse(form).success).toBe(false);
  });

  it('decides what an answer means in one place', () => {
    expect(carrierSubscribeOutcome({ returnCode: '200' })).toBe('accepted');
    expect(carrierSubscribeOutcome({ returnCode: '501' })).toBe('already-subscribed');
    expect(carrierSubscribeOutcome({ returnCode: '500' })).toBe('retry-later');
    expect(carrierSubscribeOutcome({ returnCode: '700' })).toBe('refused');
    expect(carrierSubscribeOutcome({ returnCode: '600' })).toBe('refused');
  });
});
