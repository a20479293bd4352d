import { randomBytes } from 'node:crypto';
import { OrderedLineStore } from '@supply-hub/aftersales-data-access';
import { deliveredQuantity } from '@supply-hub/aftersales-domain';
import {
  type CloudEvent,
  createEvent,
  type EventDefinition,
  IssuanceStatusChanged,
  type IssuanceStatusChangedData,
  OrderAccepted,
  type OrderAcceptedData,
  OrderRouted,
  ShipmentStatusChanged,
} from '@supply-hub/contracts';
import { createKafkaClient, KafkaEventPublisher, stderrLogger } from '@supply-hub/kafka';
import { KafkaEventsStrategy } from '@supply-hub/kafka/nest';
import { startTestService, type TestService, type TestServiceOptions, withGlobalProviders } from '@supply-hub/platform/testing';
import { integrationEnv, type TestClock, uniqueName, waitFor } from '@supply-hub/testing';
import { AppModule } from '../src/app.module';
import { AFTERSALES_CLOCK_OVERRIDE } from '../src/cases/cases.tokens';
import { aftersalesEnv } from '../src/config/aftersales-env';

/** aftersales with the test's clock (AFTERSALES_CLOCK_OVERRIDE from a global module). */
export function startAftersales(clock: TestClock, options: Partial<Omit<TestServiceOptions<typeof aftersalesEnv>, 'name' | 'envSchema' | 'module'>> = {}): Promise<TestService> {
  return startTestService({
    name: 'aftersales',
    envSchema: aftersalesEnv,
    module: withGlobalProviders(AppModule, [{ provide: AFTERSALES_CLOCK_OVERRIDE, useValue: clock }]),
    transport: (app) => app.get(KafkaEventsStrategy),
    ...options,
    env: { CASE_SWEEPS: 'false', WEBHOOK_DELIVERY_WORKER: 'false', WEBHOOK_ALLOW_HTTP_LOCALHOST: 'true', ...options.env },
  });
}

export function newOrderId(): string {
  return `ord_${randomBytes(10).toString('hex')}`;
}

export interface DeliveredLine {
  tenantId: string;
  orderId: string;
  lineId: string;
  skuId: string;
  shipmentId: string;
}

/**
 * Publishes what order-router and virtual-codes publish (same topics, keys and envelopes), so aftersales
 * learns of orders the way it does in production.
 */
export class UpstreamEvents {
  private readonly publisher = new KafkaEventPublisher(
    createKafkaClient({ clientId: uniqueName('e2e-upstream'), brokers: integrationEnv().kafkaBrokers, logger: stderrLogger('error') }),
  );

  async start(): Promise<this> {
    await this.publisher.connect();
    return this;
  }

  event<T>(definition: EventDefinition<T>, tenantId: string, data: T): CloudEvent<T> {
    return createEvent(definition, data, { source: '/e2e-upstream', tenantId });
  }

  async send<T>(definition: EventDefinition<T>, tenantId: string, data: T): Promise<CloudEvent<T>> {
    const event = this.event(definition, tenantId, data);
    await this.publisher.publish(definition, event);
    return event;
  }

  async resend<T>(definition: EventDefinition<T>, event: CloudEvent<T>): Promise<void> {
    await this.publisher.publish(definition, event);
  }

  /** An order with one physical line, routed to `warehouseId` and delivered at `deliveredAt`. */
  async deliveredPhysicalLine(
    tenantId: string,
    options: { quantity?: number; unitPriceFen?: number; warehouseId?: string; cityCode?: string; deliveredAt: Date; orderId?: string; replacement?: OrderAcceptedData['replacement'] },
  ): Promise<DeliveredLine> {
    const orderId = options.orderId ?? newOrderId();
    const lineId = '1';
    const skuId = uniqueName('sku');
    const quantity = options.quantity ?? 2;
    const warehouseId = options.warehouseId ?? 'wh-sh';
    const shipmentId = `${orderId.replace('ord_', 'shp_')}-1`;
    await this.send(OrderAccepted, tenantId, {
      orderId,
      mallOrderId: uniqueName('M'),
      lines: [{ lineId, skuId, quantity, kind: 'physical', unitPriceFen: options.unitPriceFen ?? 12_900 }],
      cityCode: options.cityCode ?? '330100',
      ...(options.replacement ? { replacement: options.replacement } : {}),
    });
    await this.send(OrderRouted, tenantId, {
      orderId,
      mallOrderId: 'M',
      parcels: [{ shipmentId, kind: 'warehouse', warehouseId, distanceKm: 160, lines: [{ lineId, skuId, quantity }] }],
      backorderedLineIds: [],
      refusedLineIds: [],
      virtualLineIds: [],
    });
    await this.send(ShipmentStatusChanged, tenantId, { shipmentId, orderId, warehouseId, status: 'delivered', at: options.deliveredAt.toISOString() });
    return { tenantId, orderId, lineId, skuId, shipmentId };
  }

  /** An order with one virtual line, issued at `issuedAt`. */
  async issuedVirtualLine(tenantId: string, issuedAt: Date): Promise<DeliveredLine & { issuance: IssuanceStatusChangedData }> {
    const orderId = newOrderId();
    const skuId = uniqueName('vsku');
    await this.send(OrderAccepted, tenantId, {
      orderId,
      mallOrderId: uniqueName('M'),
      lines: [{ lineId: '1', skuId, quantity: 1, kind: 'virtual', unitPriceFen: 3_000 }],
      cityCode: '110000',
    });
    const issuance: IssuanceStatusChangedData = { issuanceId: `iss_${orderId}`, orderId, lineId: '1', status: 'issued', at: issuedAt.toISOString() };
    await this.send(IssuanceStatusChanged, tenantId, issuance);
    return { tenantId, orderId, lineId: '1', skuId, shipmentId: '', issuance };
  }

  async stop(): Promise<void> {
    await this.publisher.disconnect();
  }
}

/** Waits until aftersales has taken in `quantity` delivered units of the line. */
export async function lineDelivered(service: TestService, line: DeliveredLine, quantity: number): Promise<void> {
  const lines = service.app.get(OrderedLineStore);
  await waitFor(
    async () => {
      const found = await lines.line(line.tenantId, line.orderId, line.lineId);
      return found !== null && deliveredQuantity(found.line) >= quantity;
    },
    { timeoutMs: 120_000, intervalMs: 100, message: `aftersales to learn that ${line.orderId}/${line.lineId} was delivered` },
  );
}
