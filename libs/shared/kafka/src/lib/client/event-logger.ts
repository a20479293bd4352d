/**
 * The little logging the Kafka plumbing needs, so the core stays free of a logging framework: the
 * Nest entry adapts Nest's logger, scripts and tests pass their own or use `stderrLogger`.
 */
export interface EventLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export type LogLevel = keyof EventLogger;

const LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** JSON lines on stderr at `minLevel` and above: a default that never hides an error. */
export function stderrLogger(minLevel: LogLevel = 'warn', name = 'kafka'): EventLogger {
  const write = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (LEVELS.indexOf(level) < LEVELS.indexOf(minLevel)) return;
    process.stderr.write(`${JSON.stringify({ level, time: new Date().toISOString(), name, message, ...fields })}\n`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

export const silentLogger: EventLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
