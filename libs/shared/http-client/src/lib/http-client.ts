import axios, { type AxiosInstance, type AxiosResponse, isAxiosError } from 'axios';
import { DependencyUnavailableError } from '@supply-hub/errors';
import type { Readable } from 'node:stream';
import { fullJitterDelayMs, retryAfterMs } from './backoff';
import { type BreakerState, BreakerRegistry, type EndpointStats } from './breaker-registry';
import { type HttpClientSettings, type HttpClientSettingsInput, httpClientSettingsSchema } from './http-client-settings';
import { bodyExcerpt, RetryableAttemptError, type UpstreamFailureKind, UpstreamRejectedError } from './http-errors';
import type { HttpRequest, HttpResponse, ResponseClassifier } from './http-request';
import { RateGate } from './rate-gate';
import { systemTimeSource, type TimeSource } from './time-source';

export interface HttpClientOptions {
  /** Names the upstream in errors and stats (`jd`, `taobao`, `brand-midea`). */
  name: string;
  baseUrl: string;
  settings?: HttpClientSettingsInput;
  headers?: Record<string, string>;
  /** Applied to every 2xx answer that is not a stream; see ResponseClassifier. */
  classifyResponse?: ResponseClassifier;
  time?: TimeSource;
  onBreakerStateChange?: (endpoint: string, state: BreakerState) => void;
}

export interface HttpClientStats {
  name: string;
  /** Attempts that were retried, since the client was made. */
  retries: number;
  endpoints: EndpointStats[];
}

/** Statuses that say "not now" rather than "never": the upstream or something in front of it is overloaded or restarting. */
const RETRYABLE_STATUS = (status: number) => status === 429 || status >= 500;

/**
 * The one resilient HTTP client adapters call upstreams with. Per request: wait for a rate-limit token,
 * go through the endpoint's breaker, and retry what may succeed later (network errors, timeouts, 5xx,
 * 429, answers the protocol classifies as busy) with full-jitter backoff, honouring Retry-After. What
 * cannot succeed later (4xx) fails at once. Failures surface as DomainErrors: DependencyUnavailableError
 * when the upstream cannot be reached, UpstreamRejectedError when it refuses.
 */
export class HttpClient {
  readonly name: string;
  private readonly settings: HttpClientSettings;
  private readonly axios: AxiosInstance;
  private readonly breakers: BreakerRegistry;
  private readonly gate: RateGate | undefined;
  private readonly time: TimeSource;
  private retries = 0;

  constructor(private readonly options: HttpClientOptions) {
    this.name = options.name;
    this.settings = httpClientSettingsSchema.parse(options.settings ?? {});
    this.time = options.time ?? systemTimeSource;
    this.breakers = new BreakerRegistry(this.settings.breaker, options.onBreakerStateChange);
    this.gate = this.settings.rateLimit ? new RateGate(this.settings.rateLimit, this.time) : undefined;
    this.axios = axios.create({
      baseURL: options.baseUrl,
      headers: options.headers,
      // Every status is classified here, never by axios throwing.
      validateStatus: () => true,
      // The raw body is kept so a malformed JSON answer is seen as such, not silently passed on as a string.
      transformResponse: [(data: unknown) => data],
      transitional: { clarifyTimeoutError: true, silentJSONParsing: false, forcedJSONParsing: false },
      maxRedirects: 3,
    });
  }

  async request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>> {
    const maxAttempts = request.maxAttempts ?? this.settings.retry.maxAttempts;
    let last: RetryableAttemptError | undefined;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (this.gate) await this.gate.take(request.signal);
      try {
        const response = await this.breakers.fire(request.endpoint, () => this.attempt(request));
        return { ...response, attempts: attempt } as HttpResponse<T>;
      } catch (error) {
        if (BreakerRegistry.isOpenRejection(error))
          throw this.unavailable(request, 'circuit breaker open', attempt - 1, last, { breaker: 'open', lastFailure: 'breaker-open' });
        if (!(error instanceof RetryableAttemptError)) throw error;
        last = error;
      }
      if (attempt === maxAttempts) break;
      const delayMs = this.delayBeforeRetry(attempt, last);
      if (delayMs === undefined) throw this.unavailable(request, `${last.reason}; Retry-After ${last.retryAfterMs} ms is too long to wait`, attempt, last);
      this.retries++;
      await this.time.sleep(delayMs, request.signal);
    }
    throw this.unavailable(request, `${last?.reason ?? 'failed'} after ${maxAttempts} attempts`, maxAttempts, last);
  }

  /** The state of every endpoint's breaker, for /health. */
  breakerStates(): Record<string, BreakerState> {
    return this.breakers.states();
  }

  /** Counters for metrics. */
  stats(): HttpClientStats {
    return { name: this.name, retries: this.retries, endpoints: this.breakers.stats() };
  }

  /** Stops the breakers' timers; call when the owning module shuts down. */
  close(): void {
    this.breakers.shutdown();
  }

  private async attempt(request: HttpRequest): Promise<HttpResponse> {
    let response: AxiosResponse;
    try {
      response = await this.axios.request(this.axiosConfig(request));
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      const [kind, reason] = describeTransportError(error, request.timeoutMs ?? this.settings.timeoutMs, request.maxBodyBytes);
      throw new RetryableAttemptError(kind, reason, undefined, undefined);
    }
    const headers = lowerCaseHeaders(response.headers);
    const status = response.status;
    if (RETRYABLE_STATUS(status)) {
      const body = await readDiscarded(response.data);
      const wait = status === 429 || status === 503 ? retryAfterMs(headers['retry-after'], this.time.now()) : undefined;
      throw new RetryableAttemptError('status', `HTTP ${status}${body ? `: ${body}` : ''}`, status, wait);
    }
    const accepted = (status >= 200 && status < 300) || (request.acceptStatuses?.includes(status) ?? false);
    if (!accepted) throw new UpstreamRejectedError(request.endpoint, status, await readDiscarded(response.data));
    if (request.responseType === 'stream') return { status, headers, data: response.data as Readable, attempts: 0 };
    const text = typeof response.data === 'string' ? response.data : '';
    const data = request.responseType === 'text' ? text : parseJson(text, status);
    const parsed: HttpResponse = { status, headers, data, attempts: 0 };
    const verdict = status >= 200 && status < 300 ? this.options.classifyResponse?.(parsed) : undefined;
    if (verdict) throw new RetryableAttemptError('classified', verdict.retry, status, verdict.retryAfterMs);
    return parsed;
  }

  private axiosConfig(request: HttpRequest) {
    const headers: Record<string, string> = { ...request.headers };
    let data: string | undefined;
    if (request.form) {
      data = new URLSearchParams(definedEntries(request.form)).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded;charset=utf-8';
    } else if (request.json !== undefined) {
      data = JSON.stringify(request.json);
      headers['content-type'] = 'application/json';
    }
    return {
      method: request.method,
      url: request.path,
      params: request.query ? Object.fromEntries(definedEntries(request.query)) : undefined,
      data,
      headers,
      timeout: request.timeoutMs ?? this.settings.timeoutMs,
      responseType: request.responseType === 'stream' ? ('stream' as const) : ('text' as const),
      responseEncoding: 'utf8' as const,
      maxContentLength: request.maxBodyBytes ?? -1,
      signal: request.signal,
    };
  }

  /** The wait before the next attempt; undefined when the upstream asks for a longer pause than we accept. */
  private delayBeforeRetry(failedAttempt: number, failure: RetryableAttemptError): number | undefined {
    const backoff = fullJitterDelayMs(this.settings.retry, failedAttempt, this.time.random);
    if (failure.retryAfterMs === undefined) return backoff;
    if (failure.retryAfterMs > this.settings.retry.maxRetryAfterMs) return undefined;
    return Math.max(backoff, failure.retryAfterMs);
  }

  private unavailable(request: HttpRequest, reason: string, attempts: number, last: RetryableAttemptError | undefined, extra: Record<string, unknown> = {}) {
    return new DependencyUnavailableError(`${request.endpoint}: ${reason}`, {
      upstream: this.name,
      endpoint: request.endpoint,
      attempts,
      lastStatus: last?.status,
      lastError: last?.reason,
      lastFailure: last?.kind,
      ...extra,
    });
  }
}

function describeTransportError(error: unknown, timeoutMs: number, maxBodyBytes: number | undefined): [UpstreamFailureKind, string] {
  if (isAxiosError(error)) {
    if (error.code === 'ETIMEDOUT' || error.code === 'ECONNABORTED') return ['timeout', `timed out after ${timeoutMs} ms`];
    // axios aborts the body stream when the timeout fires after the headers came: still a timeout.
    if (error.code === 'ERR_BAD_RESPONSE' && /stream has been aborted/.test(error.message))
      return ['timeout', `timed out after ${timeoutMs} ms reading the body`];
    if (error.code === 'ERR_BAD_RESPONSE' && /maxContentLength/.test(error.message)) return ['invalid-body', `body larger than ${maxBodyBytes} bytes`];
    return ['transport', `${error.code ?? 'network error'}: ${error.message}`];
  }
  return ['transport', error instanceof Error ? error.message : String(error)];
}

function parseJson(text: string, status: number): unknown {
  if (text.trim() === '' && (status === 204 || status === 304)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new RetryableAttemptError('invalid-body', `invalid JSON body: ${text.slice(0, 100)}`, status, undefined);
  }
}

/** A failed answer's body for the error message; a stream is drained so its socket is released. */
async function readDiscarded(data: unknown): Promise<string> {
  if (data && typeof (data as Readable).pipe === 'function') {
    (data as Readable).destroy();
    return '';
  }
  return bodyExcerpt(data).slice(0, 200);
}

function lowerCaseHeaders(headers: AxiosResponse['headers']): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined && value !== null) result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return result;
}

function definedEntries(record: Record<string, string | number | boolean | undefined>): [string, string][] {
  return Object.entries(record)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([name, value]) => [name, String(value)]);
}
