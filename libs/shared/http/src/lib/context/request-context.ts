import { RequestContext } from '@supply-hub/auth';
import type { HttpRequest } from './http-request';

/** The context the auth guard attached, or a principal-less one for public routes. */
export function requestContextOf(request: HttpRequest): RequestContext {
  request.requestContext ??= RequestContext.forPrincipal(request.id, request.principal);
  return request.requestContext;
}
