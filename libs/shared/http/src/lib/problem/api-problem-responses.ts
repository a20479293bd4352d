import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { PROBLEM_CONTENT_TYPE } from './problem-details';

/** The ProblemDetails shape, for the OpenAPI document only (see registerProblemSchema). */
export const problemDetailsSchema = z
  .object({
    type: z.string().describe('Stable URI per error code, e.g. https://supply-hub.dev/problems/validation-failed'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional().describe('Path of the request that failed'),
    code: z.string().describe('The error code at the end of `type`'),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional().describe('Field-level problems, for validation failures'),
    requestId: z.string().optional(),
  })
  .describe('RFC 9457 problem details');

const PROBLEM_SCHEMA_REF = { $ref: '#/components/schemas/ProblemDetails' };

/** Documents problem+json answers for the given statuses on a route or controller. */
export function ApiProblemResponses(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: STATUS_CODES[status] ?? 'Error', content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_SCHEMA_REF } } }),
    ),
  );
}

/** Adds the ProblemDetails component the responses above refer to. */
export function registerProblemSchema(document: { components?: { schemas?: Record<string, unknown> } }): void {
  document.components ??= {};
  document.components.schemas ??= {};
  const { $schema: _omitted, ...schema } = z.toJSONSchema(problemDetailsSchema, { target: 'openapi-3.0' }) as Record<string, unknown>;
  document.components.schemas['ProblemDetails'] = schema;
}
