import type { HttpRequest, HttpResponse } from './http-request';
import { REQUEST_ID_HEADER, resolveRequestId } from './request-id';

/**
 * Runs first on every request (the platform mounts it before anything else): settles the correlation
 * id that the logger (pino-http keeps an existing `req.id`), problem responses and the request context
 * share, and echoes it back.
 */
export function requestIdMiddleware(request: HttpRequest, response: HttpResponse, next: () => void): void {
  request.id = resolveRequestId(request.headers[REQUEST_ID_HEADER.toLowerCase()]);
  response.setHeader(REQUEST_ID_HEADER, request.id);
  next();
}
