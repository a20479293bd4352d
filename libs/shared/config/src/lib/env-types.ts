import { z } from 'zod';

/** Building blocks for env schemas, each with the message a person fixing the setting needs. */
export const envTypes = {
  port: (fallback: number) =>
    z.coerce.number({ message: 'must be a TCP port number' }).int().min(1, 'must be a TCP port number').max(65535, 'must be a TCP port number').default(fallback),

  integer: (options: { min?: number; max?: number; fallback?: number }) => {
    let schema = z.coerce.number({ message: 'must be an integer' }).int('must be an integer');
    if (options.min !== undefined) schema = schema.min(options.min, `must be at least ${options.min}`);
    if (options.max !== undefined) schema = schema.max(options.max, `must be at most ${options.max}`);
    return options.fallback === undefined ? schema : schema.default(options.fallback);
  },

  boolean: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
      .default(fallback ? 'true' : 'false')
      .transform((value) => value === 'true' || value === '1' || value === 'yes'),

  /** "host:port,host:port" as kafkajs wants it, checked here so a typo fails at boot, not on first publish. */
  brokers: () =>
    z
      .string({ message: 'must list Kafka brokers as host:port[,host:port]' })
      .transform((value) => value.split(',').map((broker) => broker.trim()).filter(Boolean))
      .refine((brokers) => brokers.length > 0 && brokers.every((broker) => /^[\w.-]+:\d{1,5}$/.test(broker)), {
        message: 'must list Kafka brokers as host:port[,host:port]',
      }),

  mongoUrl: () =>
    z
      .string({ message: 'must be a mongodb:// or mongodb+srv:// URL' })
      .regex(/^mongodb(\+srv)?:\/\/[^/\s]+/, 'must be a mongodb:// or mongodb+srv:// URL'),

  /** A database name MongoDB accepts (no dots, slashes or spaces, at most 63 bytes). */
  databaseName: (fallback: string) =>
    z.string().regex(/^[A-Za-z0-9_-]{1,63}$/, 'must be a MongoDB database name (letters, digits, _ and -)').default(fallback),

  secret: (minLength: number) =>
    z.string({ message: `must be a secret of at least ${minLength} characters` }).min(minLength, `must be a secret of at least ${minLength} characters`),

  /**
   * An optional setting with a parser of its own (a JSON document): the parser's error, which names the
   * field, becomes the setting's start-up failure.
   */
  parsed: (parse: (text: string) => unknown) =>
    z
      .string()
      .optional()
      .superRefine((text, context) => (text === undefined ? undefined : checkParses(parse, text, context))),

  /** The same for a required setting; `missing` says what to give when it is not set. */
  requiredParsed: (parse: (text: string) => unknown, missing: string) => z.string({ message: missing }).superRefine((text, context) => checkParses(parse, text, context)),

  logLevel: () => z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
};

function checkParses(parse: (text: string) => unknown, text: string, context: z.RefinementCtx): void {
  try {
    parse(text);
  } catch (error) {
    context.addIssue({ code: 'custom', message: (error as Error).message });
  }
}
