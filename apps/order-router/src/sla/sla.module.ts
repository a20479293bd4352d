import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { DispatchSlaMetrics } from './dispatch-sla-metrics.service';
import { DispatchSlaReportController } from './dispatch-sla-report.controller';
import { ShipmentDeadlineSweeps } from './shipment-deadline-sweeps.service';
import { slaProviders } from './sla.providers';

/** The 48-hour dispatch promise: the deadline sweep (acceptance timeout, at-risk, breach), its metrics and the report. */
@Module({
  imports: [OrdersModule],
  controllers: [DispatchSlaReportController],
  providers: [...slaProviders, DispatchSlaMetrics, ShipmentDeadlineSweeps],
  exports: [ShipmentDeadlineSweeps],
})
export class SlaModule {}
