import { DependencyUnavailableError, NotFoundError, ValidationError } from '@supply-hub/errors';
import { backoffDelayMs, decideAfterFailure, DEFAULT_RETRY_POLICY, retryPolicyOf, worstCaseRetryTimeMs } from './retry-policy';

const policy = retryPolicyOf({ maxAttempts: 4, initialDelayMs: 100, multiplier: 2, maxDelayMs: 300, jitter: 0.5 });

describe('backoffDelayMs', () => {
  it('grows exponentially up to the cap when jitter draws nothing', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(policy, attempt, () => 0))).toEqual([100, 200, 300, 300, 300]);
  });

  it('shortens each wait by at most the jitter share', () => {
    expect(backoffDelayMs(policy, 2, () => 1)).toBe(100);
    expect(backoffDelayMs(policy, 2, () => 0.5)).toBe(150);
    for (let i = 0; i < 200; i++) {
      const delay = backoffDelayMs(policy, 3);
      expect(delay).toBeGreaterThanOrEqual(150);
      expect(delay).toBeLessThanOrEqual(300);
    }
  });

  it('never waits without jitter configured as anything but the exponential value', () => {
    expect(backoffDelayMs(retryPolicyOf({ jitter: 0, initialDelayMs: 50, maxDelayMs: 1000 }), 3, () => 0.9)).toBe(200);
  });
});

describe('decideAfterFailure', () => {
  it('retries a transient failure with the backoff delay', () => {
    expect(decideAfterFailure(new DependencyUnavailableError('mongo'), 1, policy, () => 0)).toEqual({ action: 'retry', delayMs: 100 });
    expect(decideAfterFailure(new TypeError('bug'), 3, policy, () => 0)).toEqual({ action: 'retry', delayMs: 300 });
  });

  it('dead-letters after the last attempt', () => {
    expect(decideAfterFailure(new Error('still broken'), 4, policy)).toEqual({ action: 'dead-letter', reason: 'attempts-exhausted' });
  });

  it('dead-letters at once what a retry cannot fix', () => {
    expect(decideAfterFailure(new ValidationError('bad'), 1, policy)).toEqual({ action: 'dead-letter', reason: 'not-retryable' });
    expect(decideAfterFailure(new NotFoundError('sku', 's-1'), 1, policy)).toEqual({ action: 'dead-letter', reason: 'not-retryable' });
  });

  it('with a single attempt never retries', () => {
    expect(decideAfterFailure(new Error('x'), 1, retryPolicyOf({ maxAttempts: 1 }))).toEqual({ action: 'dead-letter', reason: 'attempts-exhausted' });
  });
});

describe('retryPolicyOf', () => {
  it('fills in the defaults', () => {
    expect(retryPolicyOf()).toEqual(DEFAULT_RETRY_POLICY);
  });

  it('names every bad setting', () => {
    expect(() => retryPolicyOf({ maxAttempts: 0, jitter: 2 })).toThrow(
      'invalid retry policy: maxAttempts must be an integer >= 1; jitter must be between 0 and 1',
    );
  });

  it('sums the worst-case time a message is held', () => {
    expect(worstCaseRetryTimeMs(policy)).toBe(100 + 200 + 300);
    expect(worstCaseRetryTimeMs(DEFAULT_RETRY_POLICY)).toBe(200 + 400 + 800 + 1600);
  });
});
