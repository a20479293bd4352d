import { ConfigError, loadConfig } from './load-config';
import { serviceEnvSchema } from './service-env';

const schema = serviceEnvSchema({ port: 3002, database: 'supplyhub_orders' });
const valid = {
  KAFKA_BROKERS: '127.0.0.1:9092, kafka-2:19092',
  MONGO_URL: 'mongodb://127.0.0.1:27017',
  STAFF_TOKEN_SECRET: 'x'.repeat(32),
};

describe('loadConfig', () => {
  it('parses and applies defaults', () => {
    const config = loadConfig(schema, valid);
    expect(config.PORT).toBe(3002);
    expect(config.MONGO_DB).toBe('supplyhub_orders');
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', 'kafka-2:19092']);
    expect(config.KAFKA_TOPIC_PARTITIONS).toBe(6);
  });

  it('names a missing setting', () => {
    const { KAFKA_BROKERS: _omitted, ...rest } = valid;
    expect(() => loadConfig(schema, rest)).toThrow(new ConfigError(['KAFKA_BROKERS is required']));
  });

  it('treats an empty value as missing', () => {
    expect(() => loadConfig(schema, { ...valid, MONGO_URL: '  ' })).toThrow('MONGO_URL is required');
  });

  it('names every bad setting with what it must be', () => {
    try {
      loadConfig(schema, { ...valid, PORT: 'eighty', KAFKA_BROKERS: 'localhost', STAFF_TOKEN_SECRET: 'short' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'PORT: must be a TCP port number',
        'KAFKA_BROKERS: must list Kafka brokers as host:port[,host:port]',
        'STAFF_TOKEN_SECRET: must be a secret of at least 32 characters',
      ]);
    }
  });
});
