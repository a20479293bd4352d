import { loadConfig } from '@supply-hub/config';
import { orderRouterEnv } from '../config/order-router-env';
import { carrierCallbackUrl, trackingSettingsOf } from './tracking-settings';

const BASE_ENV = { KAFKA_BROKERS: '127.0.0.1:9092', MONGO_URL: 'mongodb://127.0.0.1:27017', STAFF_TOKEN_SECRET: 'unit-staff-token-secret-0123456789abcdef' };

describe('trackingSettingsOf', () => {
  it('defaults to the local carrier sandbox and this instance’s own port', () => {
    const config = loadConfig(orderRouterEnv, BASE_ENV);
    expect(config).toMatchObject({ CARRIER_API_URL: 'http://127.0.0.1:3005/carrier/poll/subscribe', CARRIER_KEY: 'sandbox-key', CARRIER_TRACKING_SWEEP: true });
    const server: { port?: number } = {};
    const settings = trackingSettingsOf(config, () => server.port);
    expect(settings.callbackUrl('shp_0123456789abcdef0123-1')).toBe('http://127.0.0.1:3002/carrier/callback/shp_0123456789abcdef0123-1');
    // Read when the URL is built: a test server on a free port is known only once it listens.
    server.port = 40123;
    expect(settings.callbackUrl('shp_0123456789abcdef0123-1')).toBe('http://127.0.0.1:40123/carrier/callback/shp_0123456789abcdef0123-1');
  });

  it('takes the public base URL and the secret when set', () => {
    const config = loadConfig(orderRouterEnv, {
      ...BASE_ENV,
      CARRIER_CALLBACK_BASE_URL: 'https://router.example.com/supply-hub/',
      CARRIER_CALLBACK_SECRET: 'carrier-callback-secret-0123456789abcdef',
    });
    const settings = trackingSettingsOf(config, () => 40123);
    expect(settings.callbackUrl('shp_0123456789abcdef0123-1')).toBe('https://router.example.com/supply-hub/carrier/callback/shp_0123456789abcdef0123-1');
    expect(settings.callbackSecret).toBe('carrier-callback-secret-0123456789abcdef');
  });

  it('derives a secret of its own from the staff token key when none is set', () => {
    const derived = trackingSettingsOf(loadConfig(orderRouterEnv, BASE_ENV), () => undefined).callbackSecret;
    expect(derived).toMatch(/^[0-9a-f]{64}$/);
    expect(derived).not.toContain(BASE_ENV.STAFF_TOKEN_SECRET);
    expect(trackingSettingsOf(loadConfig(orderRouterEnv, BASE_ENV), () => undefined).callbackSecret).toBe(derived);
  });

  it('refuses a short secret or a URL that is not http(s)', () => {
    expect(() => loadConfig(orderRouterEnv, { ...BASE_ENV, CARRIER_CALLBACK_SECRET: 'short' })).toThrow(/CARRIER_CALLBACK_SECRET/);
    expect(() => loadConfig(orderRouterEnv, { ...BASE_ENV, CARRIER_API_URL: 'ftp://carrier.example.com/poll' })).toThrow(/CARRIER_API_URL/);
  });
});

describe('carrierCallbackUrl', () => {
  it('escapes the shipment id into the path', () => {
    expect(carrierCallbackUrl('http://127.0.0.1:3002', 'a/b')).toBe('http://127.0.0.1:3002/carrier/callback/a%2Fb');
  });
});
