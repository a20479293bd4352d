import { randomBytes } from 'node:crypto';
import { type Env } from '@supply-hub/config';
import { type CloudEvent, createEvent, VirtualLineRequested, type VirtualLineRequestedData } from '@supply-hub/contracts';
import { createKafkaClient, KafkaEventPublisher, stderrLogger } from '@supply-hub/kafka';
import { KafkaEventsStrategy } from '@supply-hub/kafka/nest';
import { startTestService, type TestService, type TestServiceOptions } from '@supply-hub/platform/testing';
import { integrationEnv, uniqueName } from '@supply-hub/testing';
import { AppModule } from '../src/app.module';
import { virtualCodesEnv } from '../src/config/virtual-codes-env';

/** Settings every virtual-codes under test gets: fresh keys, short sweeps. */
export function codesTestEnv(): Env {
  return {
    CODE_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    CODE_FINGERPRINT_SECRET: randomBytes(32).toString('hex'),
    ISSUANCE_SWEEP_INTERVAL_MS: '200',
  };
}

export function startVirtualCodes(options: Partial<Omit<TestServiceOptions<typeof virtualCodesEnv>, 'name' | 'envSchema'>> = {}): Promise<TestService> {
  return startTestService({
    name: 'virtual-codes',
    envSchema: virtualCodesEnv,
    module: AppModule,
    rawBody: true,
    transport: (app) => app.get(KafkaEventsStrategy),
    ...options,
    env: { ...codesTestEnv(), ...options.env },
  });
}

/** Publishes virtual lines as order-router does (same topic, key and envelope). */
export class VirtualLineSender {
  private readonly publisher = new KafkaEventPublisher(
    createKafkaClient({ clientId: uniqueName('e2e-order-router'), brokers: integrationEnv().kafkaBrokers, logger: stderrLogger('error') }),
  );

  async start(): Promise<this> {
    await this.publisher.connect();
    return this;
  }

  /** The event, so a test can send the very same one again (a redelivery). */
  event(tenantId: string, data: VirtualLineRequestedData): CloudEvent<VirtualLineRequestedData> {
    return createEvent(VirtualLineRequested, data, { source: '/order-router', tenantId });
  }

  async send(...events: CloudEvent<VirtualLineRequestedData>[]): Promise<void> {
    await this.publisher.publish(VirtualLineRequested, ...events);
  }

  async stop(): Promise<void> {
    await this.publisher.disconnect();
  }
}
