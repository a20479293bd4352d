import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DATABASE_SERVICES, SERVICES, type ServiceName } from './services';
import { serviceEnvSchema } from './service-env';

interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string | number>;
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}

// docker-compose.yml cannot be run on the development machines (no Docker engine), so this reads it
// against the services' real ports, databases and setting names instead.
const compose = parse(readFileSync(path.resolve(__dirname, '../../../../../docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
};
const settingNames = Object.keys(serviceEnvSchema({ port: 1, database: 'x' }).shape);
// Services extend the common schema with their own settings; these are the ones compose sets, so that the
// services reach supplier-sim (sandboxed suppliers and carrier) and the carrier reaches order-router.
const knownSettings = new Set([...settingNames, 'WEBHOOK_ALLOW_HTTP_LOCALHOST', 'SUPPLIER_SIM_URL', 'CARRIER_API_URL', 'CARRIER_CALLBACK_BASE_URL', 'RECHARGE_CALLBACK_BASE_URL', 'CODE_ENCRYPTION_KEYS', 'CODE_FINGERPRINT_SECRET']);

describe('docker-compose.yml', () => {
  it('has MongoDB 8 and Kafka 3.9 with health checks and named volumes', () => {
    expect(compose.services.mongo.image).toMatch(/^mongo:8(\.|$)/);
    expect(compose.services.kafka.image).toMatch(/^apache\/kafka:3\.9\./);
    expect(compose.services.kafka.environment?.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    for (const name of ['mongo', 'kafka']) {
      expect(compose.services[name].healthcheck?.test.length).toBeGreaterThan(0);
      const [volume] = (compose.services[name].volumes ?? [])[0].split(':');
      expect(compose.volumes).toHaveProperty(volume);
    }
  });

  it.each(Object.keys(SERVICES) as ServiceName[])('runs %s on its port with its entry point and a health check', (name) => {
    const service = compose.services[name];
    const { port } = SERVICES[name];
    expect(service).toBeDefined();
    expect(service.command).toEqual(['node', `dist/apps/${name}/src/main.js`]);
    expect(String(service.environment?.PORT)).toBe(String(port));
    expect(service.ports).toContain(`127.0.0.1:${port}:${port}`);
    expect(service.healthcheck?.test.join(' ')).toContain('/health');
  });

  it.each(DATABASE_SERVICES)('gives %s its own database, the broker and every required setting', (name) => {
    const service = compose.services[name];
    const env = service.environment ?? {};
    expect(env.MONGO_DB).toBe(SERVICES[name].database);
    expect(env.KAFKA_BROKERS).toBe('kafka:9092');
    expect(env.MONGO_URL).toBe('mongodb://mongo:27017');
    expect(env.STAFF_TOKEN_SECRET).toEqual(expect.any(String));
    expect(service.depends_on).toEqual({ kafka: { condition: 'service_healthy' }, mongo: { condition: 'service_healthy' } });
    expect(Object.keys(env).filter((key) => !knownSettings.has(key))).toEqual([]);
    // What the config loader would say to this environment (the secret comes from the shell in compose).
    const parsed = serviceEnvSchema({ port: SERVICES[name].port, database: String(SERVICES[name].database) }).safeParse({
      ...env,
      PORT: String(env.PORT),
      STAFF_TOKEN_SECRET: 'x'.repeat(32),
    });
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('gives each service database to exactly one service', () => {
    const databases = DATABASE_SERVICES.map((name) => compose.services[name].environment?.MONGO_DB);
    expect(new Set(databases).size).toBe(DATABASE_SERVICES.length);
  });
});
