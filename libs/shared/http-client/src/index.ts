export * from './lib/http-client';
export * from './lib/http-client-settings';
export * from './lib/http-request';
export { UpstreamRejectedError, upstreamFailureKindOf, type UpstreamFailureKind } from './lib/http-errors';
export * from './lib/breaker-registry';
export * from './lib/time-source';
export * from './lib/backoff';
