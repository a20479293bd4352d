import { KafkaEventsStrategy } from '@supply-hub/kafka/nest';
import { describeBadConfig, describeServiceBasics, startTestService, type TestService } from '@supply-hub/platform/testing';
import { AppModule } from '../src/app.module';
import { virtualCodesEnv } from '../src/config/virtual-codes-env';

describe('virtual-codes on the real Kafka and FerretDB', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({
      name: 'virtual-codes',
      envSchema: virtualCodesEnv,
      module: AppModule,
      transport: (app) => app.get(KafkaEventsStrategy),
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  describeServiceBasics(() => service, { title: 'virtual-codes', healthChecks: ['mongo', 'kafka'] });
});

describeBadConfig('virtual-codes', 'apps/virtual-codes/src/main.ts', [
  { env: { MONGO_URL: 'mongodb://127.0.0.1:1', STAFF_TOKEN_SECRET: 'x'.repeat(32) }, line: 'KAFKA_BROKERS is required' },
  {
    env: { KAFKA_BROKERS: '127.0.0.1:1', MONGO_URL: 'postgres://127.0.0.1', STAFF_TOKEN_SECRET: 'x'.repeat(32) },
    line: 'MONGO_URL: must be a mongodb:// or mongodb+srv:// URL',
  },
]);
