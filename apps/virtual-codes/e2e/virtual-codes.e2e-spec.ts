import { describeBadConfig, describeServiceBasics, type TestService } from '@supply-hub/platform/testing';
import { codesTestEnv, startVirtualCodes } from './codes-fixtures';

describe('virtual-codes on the real Kafka and FerretDB', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startVirtualCodes();
  });

  afterAll(async () => {
    await service?.close();
  });

  describeServiceBasics(() => service, { title: 'virtual-codes', healthChecks: ['mongo', 'kafka'] });
});

const keys = codesTestEnv();
const base = { CODE_ENCRYPTION_KEYS: keys.CODE_ENCRYPTION_KEYS!, CODE_FINGERPRINT_SECRET: keys.CODE_FINGERPRINT_SECRET!, STAFF_TOKEN_SECRET: 'x'.repeat(32) };

describeBadConfig('virtual-codes', 'apps/virtual-codes/src/main.ts', [
  { env: { ...base, MONGO_URL: 'mongodb://127.0.0.1:1' }, line: 'KAFKA_BROKERS is required' },
  { env: { ...base, KAFKA_BROKERS: '127.0.0.1:1', MONGO_URL: 'postgres://127.0.0.1' }, line: 'MONGO_URL: must be a mongodb:// or mongodb+srv:// URL' },
  {
    env: { ...base, KAFKA_BROKERS: '127.0.0.1:1', MONGO_URL: 'mongodb://127.0.0.1:1', CODE_ENCRYPTION_KEYS: 'k1:c2hvcnQ=' },
    line: 'CODE_ENCRYPTION_KEYS: code encryption keys: k1: must be 32 bytes in base64 (an AES-256 key), got 5',
  },
]);
