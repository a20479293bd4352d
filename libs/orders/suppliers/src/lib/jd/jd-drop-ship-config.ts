import { jdConnectionConfigSchema } from '@supply-hub/supplier-clients';
import { z } from 'zod';

/**
 * A JD account as drop-ship reads it: the `kind: "jd"` entry of SUPPLIER_SOURCES (the same JSON
 * catalog-sync reads; its paging fields are ignored here), plus what only orders need.
 */
export const jdDropShipConfigSchema = jdConnectionConfigSchema.extend({
  /** The company the collected VAT invoices (集中开票) are made out to. */
  invoiceCompanyName: z.string().min(1).max(100).default('supply-hub 积分商城'),
});

export type JdDropShipConfig = z.output<typeof jdDropShipConfigSchema>;
export type JdDropShipConfigInput = z.input<typeof jdDropShipConfigSchema>;
