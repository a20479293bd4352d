import { describeBadConfig, describeServiceBasics, type TestService } from '@supply-hub/platform/testing';
import { startCatalogSync } from './catalog-fixtures';

describe('catalog-sync on the real Kafka and FerretDB', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startCatalogSync();
  });

  afterAll(async () => {
    await service?.close();
  });

  describeServiceBasics(() => service, { title: 'catalog-sync', healthChecks: ['mongo', 'kafka'] });
});

describeBadConfig('catalog-sync', 'apps/catalog-sync/src/main.ts', [
  { env: { MONGO_URL: 'mongodb://127.0.0.1:1', STAFF_TOKEN_SECRET: 'x'.repeat(32) }, line: 'KAFKA_BROKERS is required' },
  {
    env: { KAFKA_BROKERS: '127.0.0.1:1', MONGO_URL: 'postgres://127.0.0.1', STAFF_TOKEN_SECRET: 'x'.repeat(32) },
    line: 'MONGO_URL: must be a mongodb:// or mongodb+srv:// URL',
  },
]);
