import type { z } from 'zod';

/** A short reason from a schema failure, for `malformed` and error messages: `name: expected string`. */
export function zodProblem(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
