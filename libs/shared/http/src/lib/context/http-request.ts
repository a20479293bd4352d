import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal, RequestContext } from '@supply-hub/auth';

/**
 * The parts of Express's request this lib relies on, typed here so that no `@types/express` is needed
 * and so the fields we add (`principal`, `requestContext`) are declared in one place.
 */
export interface HttpRequest extends IncomingMessage {
  /** The correlation id, set by the request-id middleware before anything else runs (pino-http reuses it). */
  id: string;
  body?: unknown;
  originalUrl?: string;
  /** Express's matched route; its `path` is the pattern (`/orders/:id`), bounded in cardinality. */
  route?: { path: string };
  principal?: Principal;
  requestContext?: RequestContext;
}

export type HttpResponse = ServerResponse;
