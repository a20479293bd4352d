import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RequestContext } from '@supply-hub/auth';
import { ForbiddenError } from '@supply-hub/errors';
import type { HttpRequest } from '../context/http-request';
import { IS_PUBLIC, ROUTE_CALLERS } from './auth.decorators';
import { type CallerRequirement, describeCallers, isAdmitted } from './caller-policy';
import { PrincipalResolver } from './principal-resolver.service';

/**
 * Global guard: authenticates every HTTP route not marked @Public() (missing or bad credentials → 401),
 * then admits only the callers the route declares (anyone else → 403).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly principals: PrincipalResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // A hybrid app's Kafka handlers pass through the same global guards; they have no HTTP credentials.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<HttpRequest>();
    const principal = await this.principals.resolve(request.headers);
    request.principal = principal;
    request.requestContext = RequestContext.forPrincipal(request.id, principal);

    const callers = this.reflector.getAllAndOverride<CallerRequirement[]>(ROUTE_CALLERS, targets) ?? [];
    if (!isAdmitted(callers, principal)) throw new ForbiddenError(describeCallers(callers));
    return true;
  }
}
