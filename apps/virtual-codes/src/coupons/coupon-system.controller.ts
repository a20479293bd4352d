import { Body, Controller, Delete, Get, HttpCode, Inject, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CodesDependencies } from '@supply-hub/codes-application';
import { CouponSystemStore } from '@supply-hub/codes-data-access';
import { sealSecret } from '@supply-hub/codes-domain';
import { NotFoundError, ValidationError } from '@supply-hub/errors';
import { ApiProblemResponses, CurrentTenant, TenantAuth } from '@supply-hub/http';
import { SERVICE_CONFIG, webhookUrlProblem } from '@supply-hub/platform';
import { z } from 'zod';
import { CODES_DEPENDENCIES } from '../codes/codes.tokens';
import type { VirtualCodesEnv } from '../config/virtual-codes-env';

const couponSystemSchema = z.strictObject({
  url: z.string().trim().max(500).describe('POST <url> asks for coupons; GET <url>/<requestId> looks one request up'),
  credential: z.string().min(16).max(500).describe('What we present: a bearer token, also the key of the request signature'),
});
type CouponSystemInput = z.output<typeof couponSystemSchema>;

/**
 * A mall's own coupon system (优惠券), which virtual-codes calls for the mall's coupon lines with the
 * mall's credential. The credential is stored sealed and never shown again.
 */
@ApiTags('coupons')
@TenantAuth()
@Controller('coupon-system')
export class CouponSystemController {
  constructor(
    private readonly systems: CouponSystemStore,
    @Inject(CODES_DEPENDENCIES) private readonly deps: CodesDependencies,
    @Inject(SERVICE_CONFIG) private readonly config: VirtualCodesEnv,
  ) {}

  @Put()
  @ApiOperation({ summary: "Register (or replace) the mall's coupon system" })
  @ApiProblemResponses(400)
  async put(@CurrentTenant() tenantId: string, @Body({ schema: couponSystemSchema }) body: CouponSystemInput) {
    const problem = webhookUrlProblem(body.url, { allowHttpLocalhost: this.config.WEBHOOK_ALLOW_HTTP_LOCALHOST });
    if (problem) throw new ValidationError(`the coupon system's URL ${problem}`, [{ path: 'url', message: problem }]);
    const updatedAt = this.deps.clock.now();
    await this.systems.put({ _id: tenantId, url: body.url, credential: sealSecret(this.deps.keys, body.credential, `coupon-system:${tenantId}`), updatedAt });
    return { url: body.url, updatedAt };
  }

  @Get()
  @ApiProblemResponses(404)
  async get(@CurrentTenant() tenantId: string) {
    const system = await this.systems.get(tenantId);
    if (!system) throw new NotFoundError('coupon system of', tenantId);
    return { url: system.url, updatedAt: system.updatedAt };
  }

  @Delete()
  @HttpCode(204)
  @ApiProblemResponses(404)
  async remove(@CurrentTenant() tenantId: string): Promise<void> {
    if (!(await this.systems.remove(tenantId))) throw new NotFoundError('coupon system of', tenantId);
  }
}
