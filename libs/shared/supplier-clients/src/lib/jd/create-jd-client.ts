import { type BreakerState, HttpClient, type HttpResponse, type TimeSource } from '@supply-hub/http-client';
import { isJdRetryableFailure, jdEnvelopeSchema } from '@supply-hub/supplier-protocols';
import { JdClient } from './jd-client';
import { type JdConnectionConfig, type JdConnectionConfigInput, jdConnectionConfigSchema } from './jd-connection-config';

/** What a client factory may be given besides its configuration: injected time, breaker reports. */
export interface SupplierClientDependencies {
  time?: TimeSource;
  onBreakerStateChange?: (endpoint: string, state: BreakerState) => void;
}

/** JD's "platform error" and "quota used up" arrive as 200s; the client retries them like a 503. */
export function classifyJdResponse(response: HttpResponse): { retry: string } | undefined {
  const envelope = jdEnvelopeSchema.safeParse(response.data);
  if (envelope.success && isJdRetryableFailure(envelope.data)) return { retry: `JD ${envelope.data.resultCode} ${envelope.data.resultMessage ?? ''}`.trim() };
  return undefined;
}

/**
 * The one way to call a JD account: a JdClient on its own HttpClient (rate limit, breaker per
 * endpoint, retries, JD's in-band busy answers retried). Close `http` when done (it stops the breakers).
 */
export function createJdClient(
  input: JdConnectionConfigInput | JdConnectionConfig,
  dependencies: SupplierClientDependencies = {},
): { client: JdClient; http: HttpClient } {
  const config = jdConnectionConfigSchema.parse(input);
  const http = new HttpClient({
    name: config.id,
    baseUrl: config.baseUrl,
    settings: config.http,
    classifyResponse: classifyJdResponse,
    time: dependencies.time,
    onBreakerStateChange: dependencies.onBreakerStateChange,
  });
  return { client: new JdClient(config, http, dependencies.time ?? { now: () => Date.now() }), http };
}
