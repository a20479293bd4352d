import { Module } from '@nestjs/common';
import { CaseEscalationSweeps } from './case-escalation-sweeps.service';
import { CaseWebhooksConsumer } from './case-webhooks.consumer';
import { casesProviders } from './cases.providers';
import { CasesMetrics } from './cases-metrics.service';
import { MallCasesController } from './mall-cases.controller';
import { OrderEventsConsumer } from './order-events.consumer';
import { StaffCasesController } from './staff-cases.controller';
import { WarehouseReturnsController } from './warehouse-returns.controller';

/** Cases: the mall, staff and warehouse APIs, the order events they build on, escalation and webhooks. */
@Module({
  controllers: [MallCasesController, StaffCasesController, WarehouseReturnsController, OrderEventsConsumer, CaseWebhooksConsumer],
  providers: [...casesProviders, CasesMetrics, CaseEscalationSweeps],
  exports: casesProviders.map((provider) => ('provide' in provider ? provider.provide : provider)),
})
export class CasesModule {}
