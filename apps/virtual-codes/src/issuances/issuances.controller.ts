import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TenantPrincipal } from '@supply-hub/auth';
import { RevealCodes } from '@supply-hub/codes-application';
import { IssuanceStore } from '@supply-hub/codes-data-access';
import { lineIssuanceIdFor } from '@supply-hub/codes-domain';
import { NotFoundError } from '@supply-hub/errors';
import { ApiProblemResponses, CurrentPrincipal, CurrentTenant, TenantAuth } from '@supply-hub/http';
import { z } from 'zod';
import { issuanceView } from './issuance-view';

const idSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'must be 1–64 letters, digits or . _ : -');
/** `?caseId=`: the reissue an after-sales case made of the line, instead of the line's own issuance. */
const lineQuerySchema = z.strictObject({ caseId: idSchema.optional() });
type LineQuery = z.output<typeof lineQuerySchema>;

/**
 * A mall's own virtual order lines: where each issuance stands, and the codes of its issued lines. A
 * line reissued for an after-sales case lists the reissue after the line's own issuance; `?caseId=` on a
 * line's routes means that reissue.
 */
@ApiTags('issuances')
@TenantAuth()
@Controller('orders/:orderId')
export class IssuancesController {
  constructor(
    private readonly issuances: IssuanceStore,
    private readonly revealCodes: RevealCodes,
  ) {}

  @Get('issuances')
  @ApiOperation({ summary: "The issuances of the order's virtual lines (none for another mall's order)" })
  async ofOrder(@CurrentTenant() tenantId: string, @Param('orderId', { schema: idSchema }) orderId: string) {
    return { items: (await this.issuances.ofOrder(tenantId, orderId)).map(issuanceView) };
  }

  @Get('lines/:lineId/issuance')
  @ApiOperation({ summary: 'One line’s issuance (or, with caseId, its reissue for that after-sales case): status, provider attempts, next check, timeline' })
  @ApiProblemResponses(404)
  async one(
    @CurrentTenant() tenantId: string,
    @Param('orderId', { schema: idSchema }) orderId: string,
    @Param('lineId', { schema: idSchema }) lineId: string,
    @Query({ schema: lineQuerySchema }) query: LineQuery,
  ) {
    const issuance = await this.issuances.get(tenantId, lineIssuanceIdFor(tenantId, orderId, lineId, query.caseId));
    if (!issuance) throw new NotFoundError(query.caseId ? 'reissue' : 'order line', `${orderId}/${lineId}${query.caseId ? ` for case ${query.caseId}` : ''}`);
    return issuanceView(issuance);
  }

  @Get('lines/:lineId/codes')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Reveal the card codes (卡密) of an issued line (or, with caseId, of its reissue for that case); every reveal is audited',
    description: '404 for a line of another mall (or none); 409 while the line is not issued, or when it was a direct top-up.',
  })
  @ApiProblemResponses(404, 409)
  async reveal(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: TenantPrincipal,
    @Param('orderId', { schema: idSchema }) orderId: string,
    @Param('lineId', { schema: idSchema }) lineId: string,
    @Query({ schema: lineQuerySchema }) query: LineQuery,
  ) {
    return this.revealCodes.execute(tenantId, orderId, lineId, `tenant:${tenantId}/key:${principal.keyId}`, query.caseId);
  }
}
