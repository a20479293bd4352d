import { z } from 'zod';

/** A report covers at most this span: the read scans the orders with a parcel due in it. */
export const MAX_REPORT_DAYS = 92;

const instant = (what: string) =>
  z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .describe(what);

// Zod runs an object's refinements even when a field failed (a bad time is still a string then): they step aside.
const parsed = (query: { from: unknown; to: unknown }) => query.from instanceof Date && query.to instanceof Date;

export const dispatchSlaQuerySchema = z
  .strictObject({
    from: instant('Parcels whose 48-hour promise (dispatchBy) is at or after this time, e.g. 2026-11-01T00:00:00+08:00'),
    to: instant('… and before this time'),
  })
  .refine((query) => !parsed(query) || query.from < query.to, { message: 'must be before to', path: ['from'] })
  .refine((query) => !parsed(query) || query.to.getTime() - query.from.getTime() <= MAX_REPORT_DAYS * 86_400_000, {
    message: `the window may span at most ${MAX_REPORT_DAYS} days`,
    path: ['to'],
  });
export type DispatchSlaQuery = z.output<typeof dispatchSlaQuerySchema>;

const counts = {
  due: z.number().int().describe('Parcels due in the window that the warehouse kept (or gave back only after the breach)'),
  dispatchedInTime: z.number().int().describe('Dispatched at or before dispatchBy'),
  dispatchedLate: z.number().int(),
  openPastDeadline: z.number().int().describe('Not dispatched and past dispatchBy'),
  reroutedAfterBreach: z.number().int().describe('Given back after the breach (SLA_BREACH_POLICY=reroute)'),
  openInTime: z.number().int().describe('Not dispatched, dispatchBy still ahead'),
  handedBack: z.number().int().describe('Rejected or not accepted before the promise: counted where they went (not in due)'),
  rate: z.number().nullable().describe('dispatchedInTime ÷ (dispatchedInTime + dispatchedLate + openPastDeadline + reroutedAfterBreach); null when none'),
};

export const dispatchSlaReportSchema = z
  .object({
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    at: z.iso.datetime().describe('The time "past deadline" was judged at'),
    warehouses: z.array(z.object({ warehouseId: z.string(), ...counts })),
    total: z.object(counts),
  })
  .meta({ id: 'DispatchSlaReport' });
export type DispatchSlaReportView = z.output<typeof dispatchSlaReportSchema>;
