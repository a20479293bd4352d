import type { INestApplication } from '@nestjs/common';
import { loadConfigOrExit } from '@supply-hub/config';
import { Logger } from 'nestjs-pino';
import type { z } from 'zod';
import { createServiceApp, flushStartupLogs } from './create-service-app';
import type { PlatformSchema, ServiceOptions } from './service-options';

/**
 * The whole main.ts of a service: config (exit 78 with one line on a bad setting, before anything
 * connects), the app, the Kafka transport if any, then HTTP on HOST:PORT. Shutdown on SIGTERM/SIGINT
 * runs the modules' shutdown hooks (enableShutdownHooks), so connections close cleanly.
 */
export async function runService<S extends z.ZodObject>(options: ServiceOptions<PlatformSchema<S>>): Promise<INestApplication> {
  const config = loadConfigOrExit(options.envSchema, options.name, options.env);
  try {
    const { app, config: platformConfig } = await createServiceApp(options, config);
    if (options.transport) await app.startAllMicroservices();
    await app.listen(platformConfig.PORT, platformConfig.HOST);
    app.get(Logger).log(`${options.name} listening on http://${platformConfig.HOST}:${platformConfig.PORT} (docs at /docs)`);
    return app;
  } catch (error) {
    flushStartupLogs();
    process.stderr.write(`${options.name}: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  }
}
