import { serviceEnvSchema } from '@supply-hub/config';
import { webhookDeliverySettingsFrom } from '../webhook-deliveries/webhook-delivery-settings';
import { parseDurationListMs, WEBHOOK_ENV_DEFAULTS, webhookEnvShape } from './webhook-env';

const base = { KAFKA_BROKERS: '127.0.0.1:9092', MONGO_URL: 'mongodb://127.0.0.1:27017', STAFF_TOKEN_SECRET: 'x'.repeat(32) };
const schema = serviceEnvSchema({ port: 3002, database: 'supplyhub_orders' }).extend(webhookEnvShape);

describe('webhook settings', () => {
  it('reads a retry schedule of durations', () => {
    expect(parseDurationListMs('10s,30s,2m,10m,1h')).toEqual([10_000, 30_000, 120_000, 600_000, 3_600_000]);
    expect(parseDurationListMs(' 500ms , 1d ')).toEqual([500, 86_400_000]);
    for (const bad of ['', '10', '10s,', '0s', '-1s', '1w', '10 s']) expect(parseDurationListMs(bad)).toBeUndefined();
  });

  it('has production defaults', () => {
    const settings = webhookDeliverySettingsFrom(schema.parse(base));
    expect(settings).toMatchObject({
      workerEnabled: true,
      timeoutMs: 10_000,
      retryScheduleMs: [10_000, 30_000, 120_000, 600_000, 3_600_000, 21_600_000, 86_400_000],
      maxAttempts: 8,
      disableAfterFailures: 5,
      pollIntervalMs: 1_000,
      concurrency: 8,
    });
    expect(settings.leaseMs).toBeGreaterThan(settings.timeoutMs);
    // A service whose schema lacks the webhook settings gets the same.
    expect(webhookDeliverySettingsFrom({ PORT: 1, HOST: 'h', LOG_LEVEL: 'info' })).toEqual(settings);
    expect(WEBHOOK_ENV_DEFAULTS.WEBHOOK_ALLOW_HTTP_LOCALHOST).toBe(false);
  });

  it('takes the settings from the environment', () => {
    const env = schema.parse({
      ...base,
      WEBHOOK_DELIVERY_WORKER: 'false',
      WEBHOOK_TIMEOUT_MS: '2500',
      WEBHOOK_RETRY_SCHEDULE: '1s,5s',
      WEBHOOK_MAX_ATTEMPTS: '3',
      WEBHOOK_DISABLE_AFTER_FAILURES: '2',
      WEBHOOK_POLL_INTERVAL_MS: '50',
      WEBHOOK_CONCURRENCY: '2',
    });
    expect(webhookDeliverySettingsFrom(env)).toMatchObject({
      workerEnabled: false,
      timeoutMs: 2_500,
      retryScheduleMs: [1_000, 5_000],
      maxAttempts: 3,
      disableAfterFailures: 2,
      pollIntervalMs: 50,
      concurrency: 2,
    });
  });

  it('names a bad schedule', () => {
    const result = schema.safeParse({ ...base, WEBHOOK_RETRY_SCHEDULE: '10s,soon' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['WEBHOOK_RETRY_SCHEDULE'], message: expect.stringContaining('durations') });
  });
});
