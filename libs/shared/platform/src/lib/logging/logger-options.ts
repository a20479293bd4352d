import { principalLabel } from '@supply-hub/auth';
import { type HttpRequest, REQUEST_ID_HEADER, resolveRequestId } from '@supply-hub/http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { stdTimeFunctions } from 'pino';
import type { Options } from 'pino-http';
import type { PlatformEnv, ServiceInfo } from '../config/service-config';
import { maskText, redactLogRecord, redactLogValue, redactSerializedError } from './redact';

const QUIET_PATHS = new Set(['/health', '/metrics']);

/**
 * JSON logs for every service: one line per request (not for health and metrics scrapes), the
 * correlation id on every line of a request, and every record passed through redactLogValue.
 */
export function loggerOptions(info: ServiceInfo, config: Pick<PlatformEnv, 'LOG_LEVEL'>): Options {
  return {
    level: config.LOG_LEVEL,
    base: { service: info.name, version: info.version, pid: process.pid },
    timestamp: stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      bindings: (bindings) => redactLogValue(bindings) as Record<string, unknown>,
      log: (record) => redactLogRecord(record),
    },
    // The message string and printf-style arguments never reach the formatters.
    hooks: {
      logMethod(args, method) {
        const masked = args.map((arg, index) => (typeof arg === 'string' ? maskText(arg) : index === 0 || arg instanceof Error ? arg : redactLogValue(arg)));
        return method.apply(this, masked as Parameters<typeof method>);
      },
    },
    // pino-http wraps these around its standard serializers, so they receive plain records.
    serializers: { req: redactLogValue, res: redactLogValue, err: redactSerializedError },
    quietReqLogger: true,
    genReqId: (request: IncomingMessage) => (request as HttpRequest).id ?? resolveRequestId(request.headers[REQUEST_ID_HEADER.toLowerCase()]),
    customProps: (request: IncomingMessage) => {
      const principal = (request as HttpRequest).principal;
      return principal ? { principal: principalLabel(principal) } : {};
    },
    customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (request: IncomingMessage) => QUIET_PATHS.has((request.url ?? '').split('?')[0] ?? '') },
  };
}
