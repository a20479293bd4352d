import type { NestExpressApplication } from '@nestjs/platform-express';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Env } from '@supply-hub/config';
import { EVENT_REGISTRY } from '@supply-hub/contracts';
import { integrationEnv, uniqueName, startGroupAtEnd } from '@supply-hub/testing';
import { Kafka, logLevel } from 'kafkajs';
import type { Connection } from 'mongoose';
import request from 'supertest';
import type { z } from 'zod';
import { createServiceApp } from '../lib/bootstrap/create-service-app';
import type { PlatformSchema, ServiceOptions } from '../lib/bootstrap/service-options';

/** The staff-token secret every test service is started with (sign test tokens with it). */
export const TEST_STAFF_TOKEN_SECRET = 'e2e-staff-token-secret-0123456789abcdef';

export interface TestService {
  app: NestExpressApplication;
  /** supertest against the app's HTTP server. */
  http: ReturnType<typeof request>;
  databaseName: string;
  consumerGroup: string;
  /** `http://127.0.0.1:<port>` when started with `listen: true`. */
  url: string | undefined;
  /** Stops the app (shutdown hooks: outbox flush, consumer leaves its group) and drops its database. */
  close(): Promise<void>;
}

export interface TestServiceOptions<S extends z.ZodObject> extends Omit<ServiceOptions<PlatformSchema<S>>, 'env'> {
  /** Settings on top of the test defaults (the run's Kafka and MongoDB, a fresh database and consumer group). */
  env?: Env;
  /** Keep the database on close, e.g. to start the service again on it. */
  keepDatabase?: boolean;
  /**
   * Listen on a loopback port (a free one, or this one), for services other processes or services must
   * reach over HTTP.
   */
  listen?: boolean | number;
  /**
   * Where the service's (new) consumer group starts on the registry topics: 'end' (default) skips the
   * events earlier runs left on the shared topics, 'beginning' reads them all (as a new group in
   * production does).
   */
  consumeFrom?: 'beginning' | 'end';
}

/**
 * Starts a service exactly as `runService` would (same module, config schema and Kafka transport) on
 * the integration run's real Kafka and MongoDB/FerretDB, with a database and consumer group of its own,
 * without binding a port.
 */
export async function startTestService<S extends z.ZodObject>(options: TestServiceOptions<S>): Promise<TestService> {
  const servers = integrationEnv();
  const databaseName = options.env?.MONGO_DB ?? uniqueName(`e2e_${options.name.replace(/[^a-z0-9]/g, '_')}`);
  const consumerGroup = options.env?.KAFKA_CONSUMER_GROUP ?? uniqueName(`e2e-${options.name}`);
  const env: Env = {
    KAFKA_BROKERS: servers.kafkaBrokers.join(','),
    MONGO_URL: servers.mongoUrl,
    STAFF_TOKEN_SECRET: TEST_STAFF_TOKEN_SECRET,
    LOG_LEVEL: 'silent',
    OUTBOX_RELAY_INTERVAL_MS: '20',
    ...options.env,
    MONGO_DB: databaseName,
    KAFKA_CONSUMER_GROUP: consumerGroup,
  };
  if (options.transport && (options.consumeFrom ?? 'end') === 'end') {
    const kafka = new Kafka({ clientId: `${consumerGroup}-setup`, brokers: servers.kafkaBrokers, logLevel: logLevel.NOTHING });
    await startGroupAtEnd(kafka, consumerGroup, EVENT_REGISTRY.topicNames());
  }
  const { app } = await createServiceApp({ ...options, env } as ServiceOptions<PlatformSchema<S>>);
  await app.init();
  if (options.transport) await app.startAllMicroservices();
  let url: string | undefined;
  if (options.listen) {
    await app.listen(typeof options.listen === 'number' ? options.listen : 0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  }
  return {
    url,
    app,
    http: request(app.getHttpServer()),
    databaseName,
    consumerGroup,
    close: async () => {
      if (!options.keepDatabase) await databaseOf(app)?.dropDatabase();
      await app.close();
    },
  };
}

/** The service's Mongo connection, or undefined for a service without a database (supplier-sim). */
function databaseOf(app: NestExpressApplication): Connection | undefined {
  try {
    return app.get<Connection>(getConnectionToken(), { strict: false });
  } catch {
    return undefined;
  }
}
