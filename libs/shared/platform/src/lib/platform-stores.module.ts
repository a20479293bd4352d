import { Module } from '@nestjs/common';
import { API_KEY_STORE, IDEMPOTENCY_STORE } from '@supply-hub/http';
import {
  API_KEY_MODEL,
  IDEMPOTENCY_MODEL,
  IdempotencyHousekeeping,
  MongoApiKeyStore,
  MongoIdempotencyStore,
  repositoryProvider,
} from '@supply-hub/mongo';

/** Binds the HTTP layer's store ports to their Mongo adapters on the service's database. */
@Module({
  providers: [
    repositoryProvider(MongoApiKeyStore, API_KEY_MODEL),
    repositoryProvider(MongoIdempotencyStore, IDEMPOTENCY_MODEL),
    { provide: API_KEY_STORE, useExisting: MongoApiKeyStore },
    { provide: IDEMPOTENCY_STORE, useExisting: MongoIdempotencyStore },
    IdempotencyHousekeeping,
  ],
  exports: [API_KEY_STORE, IDEMPOTENCY_STORE, MongoApiKeyStore, MongoIdempotencyStore],
})
export class PlatformStoresModule {}
