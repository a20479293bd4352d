import { Module } from '@nestjs/common';
import { ConfigError, serviceEnvSchema } from '@supply-hub/config';
import { createServiceApp } from './create-service-app';
import { runService } from './run-service';

@Module({})
class NeverBuiltModule {}

const envSchema = serviceEnvSchema({ port: 3002, database: 'supplyhub_orders' });
const valid = { KAFKA_BROKERS: '127.0.0.1:9092', MONGO_URL: 'mongodb://127.0.0.1:27017', STAFF_TOKEN_SECRET: 'x'.repeat(32) };

describe('service bootstrap with bad configuration', () => {
  it('fails with a ConfigError naming the setting before building anything', async () => {
    await expect(createServiceApp({ name: 'order-router', envSchema, module: NeverBuiltModule, env: { ...valid, MONGO_URL: 'postgres://x' } })).rejects.toThrow(
      new ConfigError(['MONGO_URL: must be a mongodb:// or mongodb+srv:// URL']),
    );
  });

  it('makes runService print one line and exit with 78', async () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const { STAFF_TOKEN_SECRET: _omitted, ...env } = valid;
      await expect(runService({ name: 'order-router', envSchema, module: NeverBuiltModule, env })).rejects.toThrow('exit 78');
      expect(stderr).toHaveBeenCalledWith('order-router: invalid configuration: STAFF_TOKEN_SECRET is required\n');
      expect(exit).toHaveBeenCalledWith(78);
    } finally {
      exit.mockRestore();
      stderr.mockRestore();
    }
  });
});
