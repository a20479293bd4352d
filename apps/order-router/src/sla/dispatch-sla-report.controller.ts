import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, StaffAuth } from '@supply-hub/http';
import { ReportDispatchSla } from '@supply-hub/orders-application';
import { type DispatchSlaQuery, dispatchSlaQuerySchema, type DispatchSlaReportView, dispatchSlaReportSchema } from './dispatch-sla-report.dto';

/** Operations' view of the 48-hour dispatch promise, per warehouse. */
@ApiTags('reports')
@StaffAuth('operations', 'admin')
@Controller('reports')
export class DispatchSlaReportController {
  constructor(private readonly report: ReportDispatchSla) {}

  @Get('dispatch-sla')
  @ApiOperation({
    summary: 'Per warehouse: parcels whose promise fell in [from, to), dispatched in time, late, still open past it, and the dispatch-within-48h rate',
  })
  @ApiOkResponse({ standardSchema: dispatchSlaReportSchema })
  @ApiProblemResponses(400)
  async get(@Query({ schema: dispatchSlaQuerySchema }) query: DispatchSlaQuery): Promise<DispatchSlaReportView> {
    const report = await this.report.execute(query.from, query.to);
    return { ...report, from: report.from.toISOString(), to: report.to.toISOString(), at: report.at.toISOString() };
  }
}
