import { ValidationError } from '@supply-hub/errors';
import { DEFAULT_CASE_POLICY, parseCasePolicy } from './case-policy';

describe('parseCasePolicy', () => {
  it('is the defaults when unset, and overrides only what the document names', () => {
    expect(parseCasePolicy(undefined)).toBe(DEFAULT_CASE_POLICY);
    const policy = parseCasePolicy('{"firstResponseHours":12,"kinds":{"return":{"windowDays":10},"damaged":{"autoApprove":null}}}');
    expect(policy.firstResponseHours).toBe(12);
    expect(policy.kinds.return).toEqual({ windowDays: 10, returnParcel: true, autoApprove: null });
    expect(policy.kinds.damaged.autoApprove).toBeNull();
    expect(policy.kinds.exchange).toEqual(DEFAULT_CASE_POLICY.kinds.exchange);
  });

  it('refuses unknown kinds and keys, naming the field', () => {
    expect(() => parseCasePolicy('{"kinds":{"refurbish":{}}}')).toThrow(ValidationError);
    expect(() => parseCasePolicy('{"kinds":{"return":{"windowDayz":3}}}')).toThrow(/kinds\.return/);
    expect(() => parseCasePolicy('{')).toThrow(/not JSON/);
  });
});
