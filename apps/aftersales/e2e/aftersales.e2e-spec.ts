import { KafkaEventsStrategy } from '@supply-hub/kafka/nest';
import { describeBadConfig, describeServiceBasics, startTestService, type TestService } from '@supply-hub/platform/testing';
import { AppModule } from '../src/app.module';
import { aftersalesEnv } from '../src/config/aftersales-env';

describe('aftersales on the real Kafka and FerretDB', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ name: 'aftersales', envSchema: aftersalesEnv, module: AppModule, transport: (app) => app.get(KafkaEventsStrategy) });
  });

  afterAll(async () => {
    await service?.close();
  });

  describeServiceBasics(() => service, { title: 'aftersales', healthChecks: ['mongo', 'kafka'] });
});

describeBadConfig('aftersales', 'apps/aftersales/src/main.ts', [
  { env: { MONGO_URL: 'mongodb://127.0.0.1:1', STAFF_TOKEN_SECRET: 'x'.repeat(32) }, line: 'KAFKA_BROKERS is required' },
  {
    env: { KAFKA_BROKERS: '127.0.0.1:1', MONGO_URL: 'postgres://127.0.0.1', STAFF_TOKEN_SECRET: 'x'.repeat(32) },
    line: 'MONGO_URL: must be a mongodb:// or mongodb+srv:// URL',
  },
]);
