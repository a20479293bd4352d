import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);

export const orderRequestSchema = z
  .strictObject({
    mallOrderId: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,64}$/, 'must be 1–64 letters, digits or . _ : -')
      .describe("The mall's own order id: placing it again with the same body gives the same answer"),
    lines: z
      .array(
        z.strictObject({
          lineId: z
            .string()
            .regex(/^[A-Za-z0-9._-]{1,32}$/, 'must be 1–32 letters, digits or . _ -')
            .optional(),
          skuId: text(64),
          quantity: z.number().describe('Units, 1 to 99'),
          account: z.string().trim().min(1).max(64).optional().describe('Where a top-up goes: mobile number, fuel card, member id'),
        }),
      )
      .min(1)
      .max(50),
    recipient: z.strictObject({
      name: text(40),
      mobile: z.string().trim().describe('11-digit mainland mobile number'),
      province: text(20).describe('北京 / 北京市, 内蒙古 / 内蒙古自治区 …'),
      city: text(30),
      district: text(30).optional(),
      address: text(200),
      code: z
        .string()
        .regex(/^\d{6}$/, 'must be a 6-digit GB/T 2260 code')
        .optional(),
    }),
    unavailablePolicy: z.enum(['backorder', 'refuse']).optional().describe('Lines nobody can ship: wait for stock (default) or refuse them'),
  })
  .meta({
    id: 'OrderRequest',
    examples: [
      {
        mallOrderId: 'MALL-20261123-0001',
        lines: [{ skuId: 'sku_0123456789abcdef0123', quantity: 1 }],
        recipient: { name: '张三', mobile: '13800138000', province: '四川省', city: '成都市', district: '武侯区', address: '天府大道北段 1700 号' },
      },
    ],
  });
export type OrderRequestInput = z.output<typeof orderRequestSchema>;

export const orderIdSchema = z.string().regex(/^ord_[0-9a-f]{20}$/, 'must be an order id (ord_ and 20 hex digits)');

export const orderListQuerySchema = z.strictObject({
  status: z.enum(['accepted', 'routed', 'backordered', 'refused', 'cancelled', 'dispatched', 'delivered']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(200).optional().describe('nextCursor of the previous page'),
});
export type OrderListQuery = z.output<typeof orderListQuerySchema>;

export const cancelRequestSchema = z.strictObject({ reason: text(500) });
