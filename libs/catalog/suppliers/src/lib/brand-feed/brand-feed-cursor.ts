import { z } from 'zod';

/**
 * Where a feed pull stands: how many rows (malformed ones included) were returned, from the file with
 * these validators. A resumed pull downloads the file again and skips that many rows, unless the file
 * changed meanwhile (another ETag / Last-Modified), in which case it starts over: the pipeline is
 * idempotent, positions in another file are not. The end cursor keeps the validators for the next
 * conditional GET.
 *
 *   {"v":1,"phase":"rows","etag":"\"abc\"","lastModified":"Sun, 22 Nov 2026 04:00:00 GMT","next":500}
 *   {"v":1,"phase":"end","etag":"\"abc\"","lastModified":"Sun, 22 Nov 2026 04:00:00 GMT"}
 */
const validators = { etag: z.string().optional(), lastModified: z.string().optional() };

export const brandFeedCursorSchema = z.discriminatedUnion('phase', [
  z.object({ v: z.literal(1), phase: z.literal('rows'), ...validators, next: z.number().int().nonnegative() }),
  z.object({ v: z.literal(1), phase: z.literal('end'), ...validators }),
]);

export type BrandFeedCursor = z.infer<typeof brandFeedCursorSchema>;
export interface FeedValidators {
  etag?: string;
  lastModified?: string;
}
