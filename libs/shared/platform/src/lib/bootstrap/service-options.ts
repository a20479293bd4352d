import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import type { Env } from '@supply-hub/config';
import type { z } from 'zod';
import type { PlatformEnv } from '../config/service-config';

export interface ServiceOptions<S extends z.ZodObject> {
  /** The service name: logs, metrics, OpenAPI title, Mongo appName, the config error prefix. */
  name: string;
  version?: string;
  /** The service's env schema, built on serviceEnvSchema so it has the settings the platform reads. */
  envSchema: S;
  /** The AppModule; it imports PlatformModule.forService(...). */
  module: Type<unknown> | DynamicModule;
  /**
   * The Kafka side of the hybrid app, one line in main.ts: `transport: (app) => app.get(KafkaEventsStrategy)`.
   * Connected with the app's global pipes, guards and filters, and started before HTTP listens.
   */
  transport?: (app: INestApplication) => CustomTransportStrategy;
  /** Largest JSON body accepted (413 above it). */
  bodyLimit?: string;
  /**
   * Keep each JSON body's exact bytes as `request.rawBody` too: for callbacks whose signature covers the
   * bytes as sent (recharge providers' notifies), which a re-serialisation of the parsed body may not reproduce.
   */
  rawBody?: boolean;
  /** Environment to read instead of process.env (tests). */
  env?: Env;
}

export const DEFAULT_BODY_LIMIT = '1mb';
export const DEFAULT_VERSION = '0.1.0';

/** Compile-time check that a schema's output carries the platform's settings. */
export type PlatformSchema<S extends z.ZodObject> = z.output<S> extends PlatformEnv ? S : never;
