import { beijingTimeSchema } from '@supply-hub/supplier-protocols';
import { z } from 'zod';

/**
 * Where a Taobao pull stands: the modified-time windows still to read (the first is being read, the rest
 * wait their turn; all bounds inclusive, Beijing time) and the next page of the first. The end cursor
 * holds the upper bound of the pull just finished, from which the next incremental pull starts.
 *
 *   {"v":1,"phase":"windows","windows":[["2000-01-01 00:00:00","2026-11-22 12:00:00"]],"pageNo":3}
 *   {"v":1,"phase":"end","since":"2026-11-22 12:00:00"}
 */
const windowSchema = z.tuple([beijingTimeSchema, beijingTimeSchema]);

export const taobaoCursorSchema = z.discriminatedUnion('phase', [
  z.object({
    v: z.literal(1),
    phase: z.literal('windows'),
    windows: z.array(windowSchema).min(1),
    pageNo: z.number().int().positive(),
    until: beijingTimeSchema,
  }),
  z.object({ v: z.literal(1), phase: z.literal('end'), since: beijingTimeSchema }),
]);

export type TaobaoCursor = z.infer<typeof taobaoCursorSchema>;
export type ModifiedWindow = z.infer<typeof windowSchema>;
