import type { z } from 'zod';

/** Raised when the environment does not describe a runnable service; names every bad setting. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

export type Env = Record<string, string | undefined>;

/**
 * Parses the environment against a schema whose keys are the variable names. Empty strings count as
 * unset, so `FOO= node main.js` behaves like leaving FOO out instead of passing "" to a parser.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: Env = process.env): z.output<S> {
  const present: Env = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') present[key] = value.trim();
  }
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(environment)';
      return present[name] === undefined && issue.code === 'invalid_type' ? `${name} is required` : `${name}: ${issue.message}`;
    }),
  );
}

/**
 * The start-up behaviour every service and CLI shares: a bad setting prints one line naming it and
 * stops the process with EX_CONFIG (78), instead of a stack trace from deep inside a client library.
 */
export function loadConfigOrExit<S extends z.ZodObject>(schema: S, service: string, env: Env = process.env): z.output<S> {
  try {
    return loadConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${service}: ${error.message}\n`);
    process.exit(78);
  }
}
