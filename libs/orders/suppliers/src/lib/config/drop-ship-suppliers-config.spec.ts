import { ValidationError } from '@supply-hub/errors';
import { createDropShipSuppliers } from '../create-drop-ship-suppliers';
import { localSandboxDropShipSuppliers, parseDropShipSuppliersConfig } from './drop-ship-suppliers-config';

/** catalog-sync's SUPPLIER_SOURCES, as its own spec writes it: drop-ship reads the same text. */
const SETTING = JSON.stringify({
  sources: [
    {
      kind: 'jd',
      id: 'jd',
      baseUrl: 'http://sim.test/jd/',
      credentials: { clientId: 'c', clientSecret: 's', username: 'u', password: 'p' },
      detailConcurrency: 8,
      http: { rateLimit: { requestsPerSecond: 50 }, breaker: { resetTimeoutMs: 5000 } },
    },
    { kind: 'taobao', id: 'taobao', baseUrl: 'http://sim.test/taobao/', credentials: { appKey: 'k', appSecret: 's', session: 'x' }, signMethod: 'hmac' },
    { kind: 'brand-feed', id: 'brand-midea', url: 'http://sim.test/feeds/midea.csv', format: 'csv' },
  ],
});

describe('drop-ship suppliers configuration', () => {
  it("reads catalog-sync's SUPPLIER_SOURCES: JD entries become adapters, the others are listed", () => {
    const config = parseDropShipSuppliersConfig(SETTING);
    expect(config.jd).toEqual([
      expect.objectContaining({ kind: 'jd', id: 'jd', baseUrl: 'http://sim.test/jd/', tokenRenewBeforeMs: 300_000, invoiceCompanyName: 'supply-hub 积分商城' }),
    ]);
    expect(config.jd[0]).not.toHaveProperty('detailConcurrency');
    expect(config.withoutAdapter).toEqual([
      { kind: 'taobao', id: 'taobao' },
      { kind: 'brand-feed', id: 'brand-midea' },
    ]);
    const set = createDropShipSuppliers(config);
    expect(set.suppliers.map((supplier) => [supplier.sourceId, supplier.carrier])).toEqual([['jd', 'jd']]);
    expect(set.breakerStates()).toEqual({ jd: {} });
    set.close();
  });

  it('names the field of a bad JD entry, and refuses text that is not JSON', () => {
    const bad = JSON.parse(SETTING);
    delete bad.sources[0].credentials.password;
    const error = (() => {
      try {
        parseDropShipSuppliersConfig(JSON.stringify(bad));
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(['sources.0.credentials.password']);
    expect(() => parseDropShipSuppliersConfig('{sources:')).toThrow(/not JSON/);
    expect(() => parseDropShipSuppliersConfig('{"sources":[{"id":"x"}]}')).toThrow(ValidationError);
    const twice = JSON.parse(SETTING);
    twice.sources[1] = twice.sources[0];
    expect(() => parseDropShipSuppliersConfig(JSON.stringify(twice))).toThrow(/unique/);
  });

  it('points at the local JD sandbox by default', () => {
    expect(localSandboxDropShipSuppliers('http://127.0.0.1:3005/').jd).toEqual([
      expect.objectContaining({ id: 'jd', baseUrl: 'http://127.0.0.1:3005/jd/', credentials: expect.objectContaining({ clientId: 'sandbox-client' }) }),
    ]);
  });
});
