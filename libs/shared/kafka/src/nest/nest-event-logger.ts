import { Logger } from '@nestjs/common';
import type { EventLogger } from '../lib/client/event-logger';

/** The core's logger interface on top of Nest's logger (pino in the services), one record per line. */
export function nestEventLogger(context: string): EventLogger {
  const logger = new Logger(context);
  const record = (message: string, fields?: Record<string, unknown>) => (fields === undefined ? message : { message, ...fields });
  return {
    debug: (message, fields) => logger.debug(record(message, fields)),
    info: (message, fields) => logger.log(record(message, fields)),
    warn: (message, fields) => logger.warn(record(message, fields)),
    error: (message, fields) => logger.error(record(message, fields)),
  };
}
