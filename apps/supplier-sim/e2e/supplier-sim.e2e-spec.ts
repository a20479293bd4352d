import { describeBadConfig, describeServiceBasics, startTestService, type TestService } from '@supply-hub/platform/testing';
import { AppModule } from '../src/app.module';
import { supplierSimEnv } from '../src/config/supplier-sim-env';

describe('supplier-sim', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ name: 'supplier-sim', envSchema: supplierSimEnv, module: AppModule });
  });

  afterAll(async () => {
    await service?.close();
  });

  // No database and no broker: the sandboxes keep nothing, so /health has no dependency to report.
  describeServiceBasics(() => service, { title: 'supplier-sim', healthChecks: [] });
});

describeBadConfig('supplier-sim', 'apps/supplier-sim/src/main.ts', [{ env: { PORT: 'eighty' }, line: 'PORT: must be a TCP port number' }]);
