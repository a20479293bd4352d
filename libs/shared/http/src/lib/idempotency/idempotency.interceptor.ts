import { type CallHandler, type ExecutionContext, Inject, Injectable, Logger, type NestInterceptor, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { principalLabel } from '@supply-hub/auth';
import { IdempotencyKeyReusedError, ValidationError } from '@supply-hub/errors';
import { from, type Observable, of } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import type { HttpRequest, HttpResponse } from '../context/http-request';
import { decideOnExisting, isValidIdempotencyKey, requestFingerprint } from './idempotency-decision';
import { IdempotentRequestInProgressError } from './idempotency-errors';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from './idempotency-store';
import {
  DEFAULT_IDEMPOTENCY_LEASE_MS,
  DEFAULT_IDEMPOTENCY_TTL_MS,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT,
  type IdempotentOptions,
} from './idempotent.decorator';

export const IDEMPOTENCY_CLOCK = Symbol('IdempotencyClock');
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * Runs on @Idempotent() routes. The key is claimed with an insert under a unique index before the
 * handler runs, so of two concurrent duplicates exactly one executes; the other gets the stored answer
 * or a 409 while the first is still running.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(IDEMPOTENCY_STORE) private readonly store?: IdempotencyStore,
    @Optional() @Inject(IDEMPOTENCY_CLOCK) private readonly clock: () => Date = () => new Date(),
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const options = context.getType() === 'http' ? this.reflector.get<IdempotentOptions | undefined>(IDEMPOTENT, context.getHandler()) : undefined;
    if (!options) return next.handle();

    const request = context.switchToHttp().getRequest<HttpRequest>();
    const response = context.switchToHttp().getResponse<HttpResponse>();
    const key = keyOf(request, options);
    if (key === undefined) return next.handle();
    if (!this.store) throw new Error('@Idempotent() routes need an idempotency store (PlatformModule with Mongo)');
    if (!request.principal) throw new Error('@Idempotent() routes must be authenticated: keys are kept per caller');

    const store = this.store;
    const owner = principalLabel(request.principal);
    const fingerprint = requestFingerprint(request.method ?? 'POST', request.route?.path ?? request.url ?? '', request.body);
    const claimedAt = this.clock();
    const expiresAt = new Date(claimedAt.getTime() + (options.ttlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS));

    const claim = await store.claim({ owner, key, fingerprint, claimedAt, expiresAt });
    if (!claim.claimed) {
      const existing = claim.existing;
      switch (decideOnExisting(existing, fingerprint, claimedAt, options.leaseMs ?? DEFAULT_IDEMPOTENCY_LEASE_MS)) {
        case 'key-reused':
          throw new IdempotencyKeyReusedError(key);
        case 'in-progress':
          throw new IdempotentRequestInProgressError(key);
        case 'replay': {
          const stored = existing.response as NonNullable<typeof existing.response>;
          response.statusCode = stored.status;
          response.setHeader(REPLAYED_HEADER, 'true');
          return of(JSON.parse(stored.body) as unknown);
        }
        case 'take-over':
          if (!(await store.takeOver(existing, { fingerprint, claimedAt, expiresAt }))) throw new IdempotentRequestInProgressError(key);
      }
    }

    return next.handle().pipe(
      // Only the handler's failure gives the key back: nothing was created, so a retry may run afresh.
      catchError((error: unknown) => from(this.release(store, owner, key, claimedAt).then(() => Promise.reject(error)))),
      // If storing the answer fails, the claim stays pending: a retry gets 409 until the lease ends,
      // which is better than releasing a key whose request did take effect.
      mergeMap((body) => from(store.complete(owner, key, claimedAt, { status: response.statusCode, body: JSON.stringify(body ?? null) }).then(() => body))),
    );
  }

  private async release(store: IdempotencyStore, owner: string, key: string, claimedAt: Date): Promise<void> {
    try {
      await store.release(owner, key, claimedAt);
    } catch (error) {
      this.logger.warn({ err: error, key }, 'could not release an idempotency key; it frees up when its lease ends');
    }
  }
}

function keyOf(request: HttpRequest, options: IdempotentOptions): string | undefined {
  const header = request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  if (header !== undefined) return checked(header, `headers.${IDEMPOTENCY_KEY_HEADER}`);
  const body = request.body as Record<string, unknown> | undefined;
  if (options.bodyField && body?.[options.bodyField] !== undefined) return checked(body[options.bodyField], `body.${options.bodyField}`);
  if (options.required) {
    throw new ValidationError('an idempotency key is required', [{ path: `headers.${IDEMPOTENCY_KEY_HEADER}`, message: 'required' }]);
  }
  return undefined;
}

function checked(key: unknown, path: string): string {
  if (typeof key !== 'string' || !isValidIdempotencyKey(key)) {
    throw new ValidationError('invalid idempotency key', [{ path, message: 'must be 1 to 255 printable ASCII characters without spaces' }]);
  }
  return key;
}
