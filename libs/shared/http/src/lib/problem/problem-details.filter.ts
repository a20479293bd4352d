import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError } from '@supply-hub/errors';
import { throwError } from 'rxjs';
import type { HttpRequest, HttpResponse } from '../context/http-request';
import {
  PROBLEM_CONTENT_TYPE,
  type ProblemDetails,
  problemForMalformedBody,
  problemForUnexpectedError,
  problemFromDomainError,
  problemFromHttpStatus,
} from './problem-details';

/**
 * The one place where failures become HTTP answers: DomainErrors by kind, the framework's own
 * HttpExceptions (no route, body too large, unparsable JSON) by status, and anything else as a 500 that
 * is logged in full and told to the client in one generic line.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost) {
    // The same global filter also sees Kafka handlers of a hybrid app; their errors belong to the
    // consumer's retry / dead-letter wrapper, untouched.
    if (host.getType() !== 'http') return throwError(() => exception);

    const request = host.switchToHttp().getRequest<HttpRequest>();
    const response = host.switchToHttp().getResponse<HttpResponse>();
    const problem = { ...toProblem(exception, pathOf(request)), requestId: request.id };

    if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId: request.id, status: problem.status }, `request failed: ${describe(exception)}`);
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    response.statusCode = problem.status;
    response.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    if (problem.status === 401) response.setHeader('WWW-Authenticate', 'ApiKey realm="supply-hub", Bearer realm="supply-hub"');
    response.end(JSON.stringify(problem));
    return undefined;
  }
}

export function toProblem(exception: unknown, instance: string): ProblemDetails {
  if (exception instanceof DomainError) return problemFromDomainError(exception, instance);
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    // Express's JSON parser raises a SyntaxError, which Nest maps to a 400 carrying it as the cause.
    if (status === 400 && exception.cause instanceof SyntaxError) return problemForMalformedBody(exception.cause.message, instance);
    return problemFromHttpStatus(status, messageOf(exception), instance);
  }
  return problemForUnexpectedError(instance);
}

function messageOf(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/** The path without the query string: a query may carry things that do not belong in a response. */
function pathOf(request: HttpRequest): string {
  return (request.originalUrl ?? request.url ?? '/').split('?')[0] ?? '/';
}

function describe(exception: unknown): string {
  return exception instanceof Error ? `${exception.name}: ${exception.message}` : String(exception);
}
