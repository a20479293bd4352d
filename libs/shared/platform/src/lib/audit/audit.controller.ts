import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, StaffAuth } from '@supply-hub/http';
import { type AuditQuery, auditFilterOf, auditPageSchema, auditQuerySchema, toAuditEntryView } from './audit.dto';
import { AuditLog } from './audit-log.service';

/** Reading the staff audit log: by entity, by person, by action, over a time window. */
@ApiTags('audit')
@StaffAuth('admin', 'quality')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @ApiOperation({ summary: 'Audit entries (who, when, what, before, after, reason), newest first; by entity, actor, action and time; cursor-paged' })
  @ApiOkResponse({ standardSchema: auditPageSchema })
  @ApiProblemResponses(400)
  async list(@Query({ schema: auditQuerySchema }) query: AuditQuery) {
    const page = await this.audit.page(auditFilterOf(query), { limit: query.limit, ...(query.cursor === undefined ? {} : { cursor: query.cursor }) });
    return { items: page.items.map(toAuditEntryView), nextCursor: page.nextCursor };
  }
}
