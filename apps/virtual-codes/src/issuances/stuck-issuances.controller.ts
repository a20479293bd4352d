import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IssuanceStore } from '@supply-hub/codes-data-access';
import { StaffAuth } from '@supply-hub/http';
import { SERVICE_CONFIG } from '@supply-hub/platform';
import { z } from 'zod';
import type { VirtualCodesEnv } from '../config/virtual-codes-env';
import { issuanceView } from './issuance-view';

const stuckQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) });

/** Staff's view of issuances nobody should have to wait this long for. */
@ApiTags('issuances')
@StaffAuth('operations', 'admin')
@Controller('issuances')
export class StuckIssuancesController {
  constructor(
    private readonly issuances: IssuanceStore,
    @Inject(SERVICE_CONFIG) private readonly config: VirtualCodesEnv,
  ) {}

  @Get('stuck')
  @ApiOperation({ summary: 'Issuances still pending or processing ISSUANCE_STUCK_AFTER_MS after they came in, oldest first, with their next check' })
  async stuck(@Query({ schema: stuckQuerySchema }) query: z.output<typeof stuckQuerySchema>) {
    const before = new Date(Date.now() - this.config.ISSUANCE_STUCK_AFTER_MS);
    const items = await this.issuances.unsettledSince(before, query.limit);
    return { stuckAfterMs: this.config.ISSUANCE_STUCK_AFTER_MS, items: items.map((issuance) => ({ tenantId: issuance.tenantId, ...issuanceView(issuance) })) };
  }
}
