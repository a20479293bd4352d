import { z } from 'zod';

/**
 * A form field that holds JSON (the carrier's `param`), parsed and then checked against `schema`; a
 * field that is not JSON fails like any other schema issue.
 */
export function jsonTextSchema<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .min(1, 'must not be empty')
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}
