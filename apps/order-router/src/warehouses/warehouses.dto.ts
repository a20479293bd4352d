import { z } from 'zod';

export const skuParamSchema = z.string().min(1).max(64);
export const shipmentIdSchema = z.string().regex(/^shp_[0-9a-f]{20}-\d{1,3}$/, 'must be a shipment id (shp_…-n)');
const reason = z.string().trim().min(1).max(500).describe('Why: 盘点, 入库, 破损 … (kept with the stock movement)');

export const stockCountSchema = z.strictObject({ onHand: z.number().int().min(0).max(10_000_000), reason });
export const stockAdjustmentSchema = z.strictObject({
  delta: z
    .number()
    .int()
    .min(-10_000_000)
    .max(10_000_000)
    .refine((value) => value !== 0, 'must not be 0'),
  reason,
});
export const shipmentListQuerySchema = z.strictObject({
  status: z.enum(['requested', 'accepted']).optional().describe('Default: both (the parcels still to ship)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ShipmentListQuery = z.output<typeof shipmentListQuerySchema>;
export const dispatchSchema = z.strictObject({
  carrier: z.string().regex(/^[a-z0-9]{2,32}$/, 'must be a carrier code such as shunfeng, zhongtong, jd'),
  trackingNumber: z.string().regex(/^[A-Za-z0-9]{6,32}$/, 'must be 6–32 letters or digits'),
});
export const rejectSchema = z.strictObject({ reason });
