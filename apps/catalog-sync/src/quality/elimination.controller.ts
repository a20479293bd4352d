import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReportElimination } from '@supply-hub/catalog-application';
import { beijingDayOf } from '@supply-hub/catalog-domain';
import { ValidationError } from '@supply-hub/errors';
import { ApiProblemResponses, StaffAuth } from '@supply-hub/http';
import { z } from 'zod';

const DAY_MS = 24 * 3_600_000;
/** Long enough for a year of months, short enough to stay a quick read of staff-sized collections. */
const MAX_DAYS = 366;

const daySchema = z.iso.date({ message: 'must be a date (YYYY-MM-DD, Beijing)' });
const eliminationQuerySchema = z.strictObject({
  from: daySchema.optional().describe('First Beijing day (default: 90 days before `to`)'),
  to: daySchema.optional().describe('Last Beijing day, included (default: today)'),
  period: z.enum(['week', 'month']).default('month'),
});

/** The elimination report (淘汰率): SKUs and suppliers taken out of the catalog per period, and why. */
@ApiTags('quality')
@StaffAuth('quality', 'curator', 'admin', 'operations')
@Controller('quality/elimination')
export class EliminationController {
  constructor(private readonly report: ReportElimination) {}

  @Get()
  @ApiOperation({
    summary: 'SKUs removed per week or month (rejected, suspended, delisted) by cause, blacklist entries by kind, suppliers blacklisted, and the rate against the catalog’s SKUs',
    description:
      'Causes: staff-decision, quality-breach (the quality monitor), sample-inspection, qualification-expiry, other-system. A SKU counts once per period; the rate divides by the SKUs in the catalog now.',
  })
  @ApiProblemResponses(400)
  async get(@Query({ schema: eliminationQuerySchema }) query: z.output<typeof eliminationQuerySchema>) {
    const to = query.to ?? beijingDayOf(new Date());
    const from = query.from ?? new Date(Date.parse(to) - 90 * DAY_MS).toISOString().slice(0, 10);
    if (from > to) throw new ValidationError('from is after to', [{ path: 'query.from', message: `must not be after to (${to})` }]);
    if (Date.parse(to) - Date.parse(from) >= MAX_DAYS * DAY_MS) throw new ValidationError('the range is too long', [{ path: 'query.from', message: `at most ${MAX_DAYS} days before to` }]);
    return this.report.execute({ from, to, period: query.period });
  }
}
