import { describeBadConfig, describeServiceBasics, startTestService, type TestService } from '@supply-hub/platform/testing';
import { AppModule } from '../src/app.module';
import { supplierSimEnv } from '../src/config/supplier-sim-env';

describe('supplier-sim', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ name: 'supplier-sim', envSchema: supplierSimEnv, module: AppModule, env: { SIM_SKUS: '2000' } });
  });

  afterAll(async () => {
    await service?.close();
  });

  // No database and no broker: the sandboxes keep nothing, so /health has no dependency to report.
  describeServiceBasics(() => service, { title: 'supplier-sim', healthChecks: [] });
});

describeBadConfig('supplier-sim', 'apps/supplier-sim/src/main.ts', [
  { env: { PORT: 'eighty' }, line: 'PORT: must be a TCP port number' },
  { env: { SIM_JD_ERROR_RATE: '2' }, line: 'SIM_JD_ERROR_RATE: must be between 0 and 1' },
  { env: { SIM_SKUS: 'many' }, line: 'SIM_SKUS: must be an integer' },
]);
