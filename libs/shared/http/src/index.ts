// Problem details (RFC 9457)
export * from './lib/problem/problem-details';
export * from './lib/problem/problem-details.filter';
export * from './lib/problem/api-problem-responses';
// Validation
export * from './lib/validation/field-issues';
export * from './lib/validation/schema-validation.pipe';
// Authentication and callers
export * from './lib/auth/api-key-store';
export * from './lib/auth/auth.decorators';
export * from './lib/auth/auth.guard';
export * from './lib/auth/caller-policy';
export * from './lib/auth/credentials';
export * from './lib/auth/current.decorators';
export * from './lib/auth/principal-resolver.service';
// Request context and correlation id
export * from './lib/body/read-body-text';
export * from './lib/body/read-csv-body';
export * from './lib/paging/time-id-cursor';
export * from './lib/context/http-request';
export * from './lib/context/request-context';
export * from './lib/context/request-id';
export * from './lib/context/request-id.middleware';
// Idempotency
export * from './lib/idempotency/idempotency-decision';
export * from './lib/idempotency/idempotency-errors';
export * from './lib/idempotency/idempotency-store';
export * from './lib/idempotency/idempotency.interceptor';
export * from './lib/idempotency/idempotent.decorator';
// Wiring
export * from './lib/http-conventions.module';
