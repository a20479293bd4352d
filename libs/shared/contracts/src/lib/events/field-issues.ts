import type { FieldIssue } from '@supply-hub/errors';
import type { z } from 'zod';

/** zod's issues in the shape every transport reports: a dotted path and a message. */
export function fieldIssuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((segment) => String(segment)).join('.'),
    message: issue.message,
  }));
}
