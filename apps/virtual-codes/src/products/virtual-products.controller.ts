import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StaffPrincipal } from '@supply-hub/auth';
import { type Clock } from '@supply-hub/codes-application';
import { toVirtualProduct, VirtualProductStore } from '@supply-hub/codes-data-access';
import { virtualProductIssues } from '@supply-hub/codes-domain';
import { NotFoundError, ValidationError } from '@supply-hub/errors';
import { ApiProblemResponses, CurrentStaff, StaffAuth } from '@supply-hub/http';
import { CODES_DEPENDENCIES, RECHARGE_PROVIDER_SET } from '../codes/codes.tokens';
import type { RechargeProviderSet } from '../codes/recharge-provider-set';
import { skuIdSchema, type VirtualProductInput, virtualProductSchema } from './virtual-products.dto';

/** How each virtual SKU is fulfilled: pool, top-up or bought card codes, with primary and fallback providers. */
@ApiTags('virtual-products')
@StaffAuth('operations', 'admin')
@Controller('virtual-products')
export class VirtualProductsController {
  constructor(
    private readonly products: VirtualProductStore,
    @Inject(RECHARGE_PROVIDER_SET) private readonly providers: RechargeProviderSet,
    @Inject(CODES_DEPENDENCIES) private readonly deps: { clock: Clock },
  ) {}

  @Put(':skuId')
  @ApiOperation({ summary: 'Set how a virtual SKU is fulfilled (replaces what was set)' })
  @ApiProblemResponses(400)
  async put(@CurrentStaff() staff: StaffPrincipal, @Param('skuId', { schema: skuIdSchema }) skuId: string, @Body({ schema: virtualProductSchema }) body: VirtualProductInput) {
    const product = { skuId, ...body };
    const issues = virtualProductIssues(product);
    body.providers.forEach((route, index) => {
      if (!this.providers.byId(route.providerId)) issues.push({ path: `providers.${index}.providerId`, message: `no provider "${route.providerId}" is configured` });
    });
    if (issues.length > 0) throw new ValidationError('the virtual product cannot be fulfilled as described', issues);
    return toVirtualProduct(await this.products.put(product, `staff:${staff.sub}`, this.deps.clock.now()));
  }

  @Get()
  @ApiOperation({ summary: 'Every virtual SKU and how it is fulfilled' })
  async list() {
    return { items: (await this.products.list()).map(toVirtualProduct) };
  }

  @Get(':skuId')
  @ApiProblemResponses(404)
  async one(@Param('skuId', { schema: skuIdSchema }) skuId: string) {
    const product = await this.products.get(skuId);
    if (!product) throw new NotFoundError('virtual product', skuId);
    return toVirtualProduct(product);
  }
}
