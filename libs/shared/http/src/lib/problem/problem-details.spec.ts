import { BadRequestException, HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import {
  ConflictError,
  DependencyUnavailableError,
  ForbiddenError,
  IdempotencyKeyReusedError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '@supply-hub/errors';
import { IdempotentRequestInProgressError } from '../idempotency/idempotency-errors';
import { toProblem } from './problem-details.filter';
import { problemFromDomainError } from './problem-details';

describe('problem details', () => {
  it.each([
    [new ValidationError('bad input'), 400, 'validation-failed'],
    [new UnauthenticatedError('no key'), 401, 'unauthenticated'],
    [new ForbiddenError('wrong kind'), 403, 'forbidden'],
    [new NotFoundError('order', 'o-1'), 404, 'not-found'],
    [new ConflictError('racing'), 409, 'conflict'],
    [new IdempotencyKeyReusedError('k-1'), 409, 'idempotency-key-reused'],
    [new IdempotentRequestInProgressError('k-1'), 409, 'idempotency-request-in-progress'],
    [new DependencyUnavailableError('mongo at 10.0.0.5 down'), 503, 'dependency-unavailable'],
  ])('maps %p to %i with a stable type', (error, status, code) => {
    const problem = problemFromDomainError(error, '/orders');
    expect(problem).toMatchObject({ status, code, type: `https://supply-hub.dev/problems/${code}`, instance: '/orders' });
    expect(problem.title).toEqual(expect.any(String));
  });

  it('shows the message of a 4xx and hides that of a 5xx', () => {
    expect(problemFromDomainError(new NotFoundError('order', 'o-1')).detail).toBe('order o-1 not found');
    expect(problemFromDomainError(new DependencyUnavailableError('mongo at 10.0.0.5 down')).detail).not.toContain('10.0.0.5');
  });

  it('carries field-level issues of a validation failure', () => {
    const problem = problemFromDomainError(new ValidationError('invalid request body', [{ path: 'body.url', message: 'Invalid URL' }]));
    expect(problem.errors).toEqual([{ path: 'body.url', message: 'Invalid URL' }]);
    expect(problem.title).toBe('Request validation failed');
  });

  it('maps framework exceptions by status', () => {
    expect(toProblem(new NotFoundException('Cannot GET /nope'), '/nope')).toMatchObject({ status: 404, code: 'not-found', detail: 'Cannot GET /nope' });
    expect(toProblem(new PayloadTooLargeException('request entity too large'), '/x')).toMatchObject({ status: 413, code: 'payload-too-large' });
    expect(toProblem(new HttpException('teapot', 418), '/x')).toMatchObject({ status: 418, code: 'http-418' });
  });

  it('explains a body that is not JSON', () => {
    const parserError = new SyntaxError('Unexpected token } in JSON at position 9');
    const problem = toProblem(new BadRequestException(parserError.message, { cause: parserError }), '/x');
    expect(problem).toMatchObject({ status: 400, code: 'malformed-body' });
    expect(problem.detail).toContain('not valid JSON');
  });

  it('answers unknown errors with a generic 500 that leaks nothing', () => {
    const problem = toProblem(new TypeError("Cannot read properties of undefined (reading 'secretField') at /srv/app/orders.ts:42"), '/orders');
    expect(problem).toMatchObject({ status: 500, code: 'internal-error', type: 'https://supply-hub.dev/problems/internal-error' });
    expect(JSON.stringify(problem)).not.toMatch(/secretField|orders\.ts|TypeError/);
  });
});
