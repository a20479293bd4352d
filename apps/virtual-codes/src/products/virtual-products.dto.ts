import { FULFILMENT_KINDS } from '@supply-hub/codes-domain';
import { z } from 'zod';

export const skuIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'must be 1–64 letters, digits or . _ : -');

export const virtualProductSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  fulfilment: z.enum(FULFILMENT_KINDS as ['pool', 'top-up', 'card-purchase', 'coupon']).describe('pool (imported 卡密), top-up (direct recharge), card-purchase (卡密 bought live), coupon'),
  faceValueFen: z.number().int().min(0).max(100_000_000).describe('Face value per unit, in fen'),
  accountKind: z.enum(['mobile', 'fuel-card', 'member-id']).optional().describe('What a top-up credits'),
  providers: z
    .array(z.strictObject({ providerId: z.string().regex(/^[a-z0-9-]{1,32}$/), providerProductId: z.string().trim().min(1).max(64) }))
    .max(5)
    .default([])
    .describe('Primary first, then fallbacks'),
  lowStockThreshold: z.number().int().min(0).max(1_000_000).optional().describe('Pool products: alert below this many codes'),
});
export type VirtualProductInput = z.output<typeof virtualProductSchema>;
