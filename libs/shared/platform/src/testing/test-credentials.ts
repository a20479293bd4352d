import { type ApiKeyKind, generateApiKey, issueStaffToken, type StaffRole } from '@supply-hub/auth';
import { MongoApiKeyStore } from '@supply-hub/mongo';
import { TEST_STAFF_TOKEN_SECRET, type TestService } from './start-test-service';

/** Stores a new key in the service's database, as `supply-hub keys create` does; returns its plaintext. */
export async function createTestApiKey(service: TestService, kind: ApiKeyKind, ownerId: string): Promise<string> {
  const key = generateApiKey(kind);
  await service.app.get(MongoApiKeyStore).insert({
    keyId: key.keyId,
    hash: key.hash,
    kind,
    ownerId,
    label: 'e2e',
    createdAt: new Date(),
  });
  return key.plaintext;
}

/** A staff bearer token the test services accept. */
export function testStaffToken(roles: StaffRole[], sub = 'e2e-staff'): Promise<string> {
  return issueStaffToken({ sub, roles, ttlSeconds: 3600 }, TEST_STAFF_TOKEN_SECRET);
}
