import { z } from 'zod';

/**
 * Where a JD pull stands. Pool positions name the pool by id and by index (the id wins when the pool
 * list changed between runs), the getSkuByPage page, and the offset of the next SKU in that page, so a
 * resumed pull starts exactly after the last record returned.
 *
 *   {"v":1,"phase":"pool","pool":"1234","poolIndex":0,"pageNo":3,"offset":200}   full sync
 *   {"v":1,"phase":"messages"}                                                     incremental, messages
 *   {"v":1,"phase":"stock","pool":"1234","poolIndex":0,"pageNo":1,"offset":0}     incremental, stock poll
 *   {"v":1,"phase":"end"}                                                          after the last page
 */
const position = { pool: z.string(), poolIndex: z.number().int().nonnegative(), pageNo: z.number().int().positive(), offset: z.number().int().nonnegative() };

export const jdCursorSchema = z.discriminatedUnion('phase', [
  z.object({ v: z.literal(1), phase: z.literal('pool'), ...position }),
  z.object({ v: z.literal(1), phase: z.literal('messages') }),
  z.object({ v: z.literal(1), phase: z.literal('stock'), ...position }),
  z.object({ v: z.literal(1), phase: z.literal('end') }),
]);

export type JdCursor = z.infer<typeof jdCursorSchema>;

export interface PoolPosition {
  pool: string;
  poolIndex: number;
  pageNo: number;
  offset: number;
}
