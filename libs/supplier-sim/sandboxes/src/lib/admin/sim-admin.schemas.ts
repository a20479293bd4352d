import { z } from 'zod';

const changeCount = z
  .number()
  .min(0, 'must not be negative')
  .max(100_000, 'must be at most 100000')
  .refine((value) => value < 1 || Number.isInteger(value), 'a count of 1 or more must be whole (use 0 < x < 1 for a share)');

/** POST /sim/changes: counts (≥ 1) or shares of the current SKUs (0 < x < 1) per kind of change. */
export const changeRequestSchema = z
  .object({
    priceMoves: changeCount.optional(),
    stockOuts: changeCount.optional(),
    delistings: changeCount.optional(),
    newSkus: changeCount.optional(),
    detailChanges: changeCount.optional(),
  })
  .strict();
export type ChangeRequest = z.infer<typeof changeRequestSchema>;
