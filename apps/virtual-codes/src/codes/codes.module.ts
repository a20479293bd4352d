import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { CouponSystems } from '@supply-hub/codes-application';
import { CouponSystemController } from '../coupons/coupon-system.controller';
import { IssuanceSweeps } from '../issuances/issuance-sweeps.service';
import { IssuanceWebhooksConsumer } from '../issuances/issuance-webhooks.consumer';
import { IssuancesController } from '../issuances/issuances.controller';
import { ReissuesConsumer } from '../issuances/reissues.consumer';
import { StuckIssuancesController } from '../issuances/stuck-issuances.controller';
import { VirtualLinesConsumer } from '../issuances/virtual-lines.consumer';
import { PoolSweeps } from '../pools/pool-sweeps.service';
import { PoolsController } from '../pools/pools.controller';
import { VirtualProductsController } from '../products/virtual-products.controller';
import { ProviderNotifyController } from '../providers/provider-notify.controller';
import { codesProviders } from './codes.providers';
import { RECHARGE_PROVIDER_SET } from './codes.tokens';
import { CodesMetrics } from './codes-metrics.service';
import type { RechargeProviderSet } from './recharge-provider-set';

/** Issuances, pools, virtual products, provider notifies and the sweeps that keep them moving. */
@Module({
  controllers: [
    IssuancesController,
    StuckIssuancesController,
    VirtualProductsController,
    PoolsController,
    ProviderNotifyController,
    CouponSystemController,
    VirtualLinesConsumer,
    ReissuesConsumer,
    IssuanceWebhooksConsumer,
  ],
  providers: [...codesProviders, CodesMetrics, IssuanceSweeps, PoolSweeps],
  exports: codesProviders.map((provider) => ('provide' in provider ? provider.provide : provider)),
})
export class CodesModule implements OnApplicationShutdown {
  constructor(
    @Inject(RECHARGE_PROVIDER_SET) private readonly providers: RechargeProviderSet,
    private readonly couponSystems: CouponSystems,
  ) {}

  onApplicationShutdown(): void {
    this.providers.close();
    this.couponSystems.close();
  }
}
