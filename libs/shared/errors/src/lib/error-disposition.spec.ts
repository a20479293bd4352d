import { ConflictError, DependencyUnavailableError, IdempotencyKeyReusedError, NotFoundError, ValidationError } from './domain-error';
import { httpStatusOf, messageDispositionOf } from './error-disposition';

describe('error disposition', () => {
  it('maps error kinds to HTTP statuses', () => {
    expect(httpStatusOf(new ValidationError('bad', [{ path: 'a', message: 'required' }]))).toBe(400);
    expect(httpStatusOf(new NotFoundError('order', 'o-1'))).toBe(404);
    expect(httpStatusOf(new IdempotencyKeyReusedError('k'))).toBe(409);
    expect(httpStatusOf(new DependencyUnavailableError('mongo down'))).toBe(503);
    expect(httpStatusOf(new Error('boom'))).toBe(500);
  });

  it('dead-letters what cannot succeed on retry and retries the rest', () => {
    expect(messageDispositionOf(new ValidationError('bad payload'))).toBe('dead-letter');
    expect(messageDispositionOf(new NotFoundError('sku', 's-1'))).toBe('dead-letter');
    expect(messageDispositionOf(new DependencyUnavailableError('mongo down'))).toBe('retry');
    expect(messageDispositionOf(new ConflictError('racing writer'))).toBe('retry');
    expect(messageDispositionOf(new TypeError('bug'))).toBe('retry');
  });

  it('keeps stable codes and class names', () => {
    const error = new IdempotencyKeyReusedError('order-42');
    expect(error.code).toBe('idempotency-key-reused');
    expect(error.kind).toBe('conflict');
    expect(error.name).toBe('IdempotencyKeyReusedError');
    expect(error).toBeInstanceOf(ConflictError);
  });
});
