import { z } from 'zod';

/** Every JD answer, token calls included: `result` is the method's own shape when `success` is true. */
export const jdEnvelopeSchema = z.object({
  success: z.boolean(),
  resultCode: z.string(),
  resultMessage: z.string().nullish(),
  result: z.unknown().optional(),
});

export interface JdEnvelope<R = unknown> {
  success: boolean;
  /** `0000` on success; see JD_RESULT_CODES. */
  resultCode: string;
  resultMessage?: string | null;
  result?: R;
}

/** The schema of a successful answer of one method, for sandboxes and contract tests. */
export function jdSuccessEnvelopeSchema<R extends z.ZodType>(result: R) {
  return z.object({ success: z.literal(true), resultCode: z.string(), resultMessage: z.string().nullish(), result });
}
