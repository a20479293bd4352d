import type { Readable } from 'node:stream';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

/**
 * `json`: the body parsed as JSON (an unparsable 2xx body is a retryable failure: a cut connection or a
 * broken proxy produces it as often as a broken upstream). `text`: the body as a string. `stream`: the
 * body as a Readable, for large files; the caller must consume or destroy it.
 */
export type HttpResponseType = 'json' | 'text' | 'stream';

export interface HttpRequest {
  /**
   * Names the operation for the breaker, metrics and errors: `<client>:<method>` such as
   * `jd:product/getDetail`. Calls with one endpoint key share one breaker.
   */
  endpoint: string;
  method: HttpMethod;
  /** Relative to the client's base URL, or absolute. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string | number | boolean | undefined>;
  /** Sent as application/json. */
  json?: unknown;
  headers?: Record<string, string>;
  responseType?: HttpResponseType;
  /** Statuses outside 2xx the caller handles itself (304 for a conditional GET), returned as they are. */
  acceptStatuses?: readonly number[];
  timeoutMs?: number;
  /** Overrides the client's retry count, e.g. 1 for a call that must not be repeated blindly. */
  maxAttempts?: number;
  /** Refuses a body larger than this (not applied to streams). */
  maxBodyBytes?: number;
  signal?: AbortSignal;
}

export interface HttpResponse<T = unknown> {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  data: T;
  /** How many attempts it took, 1 when the first succeeded. */
  attempts: number;
}

export type StreamResponse = HttpResponse<Readable>;

/**
 * The protocol's say on a 2xx answer: a gateway that reports "platform busy" (Taobao isp.*, code 7) in
 * a 200 body is as unavailable as one answering 503. Return a reason to retry, or undefined to accept
 * the answer. Not called for streams.
 */
export type ResponseClassifier = (response: HttpResponse) => { retry: string; retryAfterMs?: number } | undefined;
