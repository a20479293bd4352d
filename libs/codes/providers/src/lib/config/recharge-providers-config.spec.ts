import { ValidationError } from '@supply-hub/errors';
import { createRechargeProviders } from '../create-recharge-providers';
import { localSandboxRechargeProviders, parseRechargeProvidersConfig } from './recharge-providers-config';

const SETTING = JSON.stringify({
  providers: [
    { kind: 'fulu', id: 'fulu', baseUrl: 'https://openapi.fulu.test/', appKey: 'k', appSecret: '0123456789abcdef0123', http: { timeoutMs: 8000 } },
    { kind: 'juhe', id: 'juhe', baseUrl: 'http://op.juhe.test/', key: 'key', openId: 'JH1' },
  ],
});

function issuesOf(text: string): string[] {
  try {
    parseRechargeProvidersConfig(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((issue) => issue.path);
  }
  throw new Error('expected a ValidationError');
}

describe('recharge providers configuration', () => {
  it('reads both kinds and builds an adapter each', () => {
    const config = parseRechargeProvidersConfig(SETTING);
    expect(config.providers.map((provider) => [provider.kind, provider.id, provider.http.timeoutMs])).toEqual([
      ['fulu', 'fulu', 8000],
      ['juhe', 'juhe', 10_000],
    ]);
    const set = createRechargeProviders(config);
    expect(set.providers.map((provider) => [provider.id, provider.notifyAck, provider.isAvailable()])).toEqual([
      ['fulu', 'success', true],
      ['juhe', 'success', true],
    ]);
    expect(set.byId('juhe')).toBe(set.providers[1]);
    expect(set.byId('other')).toBeUndefined();
    expect(set.breakerStates()).toEqual({ fulu: {}, juhe: {} });
    set.close();
  });

  it('names the field of each mistake', () => {
    const bad = JSON.parse(SETTING);
    delete bad.providers[1].openId;
    bad.providers[0].appSecret = 'short';
    expect(issuesOf(JSON.stringify(bad))).toEqual(['providers.0.appSecret', 'providers.1.openId']);
    expect(issuesOf(JSON.stringify({ providers: [{ kind: 'alipay', id: 'x' }] }))).toEqual(['providers.0.kind']);
    expect(issuesOf(JSON.stringify({ providers: [] }))).toEqual(['providers']);
    const twice = JSON.parse(SETTING);
    twice.providers[1] = twice.providers[0];
    expect(issuesOf(JSON.stringify(twice))).toEqual(['providers']);
    expect(() => parseRechargeProvidersConfig('{providers:')).toThrow(/not JSON/);
  });

  it('points at the local sandboxes with their development accounts by default', () => {
    expect(localSandboxRechargeProviders('http://127.0.0.1:3005/').providers).toEqual([
      expect.objectContaining({ kind: 'fulu', id: 'fulu', baseUrl: 'http://127.0.0.1:3005/fulu/', appKey: 'fulu-sandbox-app' }),
      expect.objectContaining({ kind: 'juhe', id: 'juhe', baseUrl: 'http://127.0.0.1:3005/juhe/', key: 'juhe-sandbox-key', openId: 'JHsandbox-openid' }),
    ]);
  });
});
