import { httpClientSettingsSchema } from '@supply-hub/http-client';
import { z } from 'zod';

/**
 * How to reach one JD account: the part of a `kind: "jd"` entry of SUPPLIER_SOURCES that every JD
 * caller reads (catalog sync extends it with its paging settings; drop-ship reads it as it is). Unknown
 * fields are dropped, so one JSON entry serves both.
 */
export const jdConnectionConfigSchema = z.object({
  kind: z.literal('jd'),
  /** The source id (`jd`): what records and drop-ship parcels name the supplier by. */
  id: z.string().min(1),
  /** Up to, not including, `oauth2/` and `api/`: `https://bizapi.jd.com/` or the sandbox's `http://127.0.0.1:3005/jd/`. */
  baseUrl: z.url(),
  credentials: z.object({
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    username: z.string().min(1),
    /** The account password in plain text; it is sent only as its MD5. */
    password: z.string().min(1),
  }),
  /** Renew the access token this long before JD says it expires. */
  tokenRenewBeforeMs: z
    .number()
    .int()
    .nonnegative()
    .default(5 * 60 * 1000),
  http: httpClientSettingsSchema.prefault({}),
});

export type JdConnectionConfig = z.output<typeof jdConnectionConfigSchema>;
export type JdConnectionConfigInput = z.input<typeof jdConnectionConfigSchema>;

/** The sandbox's development account (apps/supplier-sim's SIM_JD_* defaults). */
export const JD_SANDBOX_CREDENTIALS: JdConnectionConfig['credentials'] = {
  clientId: 'sandbox-client',
  clientSecret: 'sandbox-secret',
  username: 'mall-supplier',
  password: 'p@ss-123',
};
