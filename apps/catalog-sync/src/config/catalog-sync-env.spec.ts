import { ConfigError, loadConfig } from '@supply-hub/config';
import { catalogSyncEnv } from './catalog-sync-env';

const required = { KAFKA_BROKERS: '127.0.0.1:9092', MONGO_URL: 'mongodb://127.0.0.1:27017', STAFF_TOKEN_SECRET: 'x'.repeat(32) };

describe('catalog-sync settings: points bands', () => {
  it('defaults to 10 points per yuan with bands from 500 and 2,000 points', () => {
    expect(loadConfig(catalogSyncEnv, required)).toMatchObject({ POINTS_PER_YUAN: 10, POINTS_BAND_MID_FROM: 500, POINTS_BAND_HIGH_FROM: 2_000 });
  });

  it('refuses thresholds that do not rise, naming the setting', () => {
    const refused = (() => {
      try {
        return loadConfig(catalogSyncEnv, { ...required, POINTS_BAND_MID_FROM: '2000', POINTS_BAND_HIGH_FROM: '2000' });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).problems).toEqual(['POINTS_BAND_HIGH_FROM: must be above POINTS_BAND_MID_FROM (2000): the bands rise low, mid, high']);
    expect(() => loadConfig(catalogSyncEnv, { ...required, POINTS_PER_YUAN: '0' })).toThrow('POINTS_PER_YUAN: must be at least 1');
  });
});
