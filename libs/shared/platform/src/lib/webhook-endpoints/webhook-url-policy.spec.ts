import { endpointAccepts, webhookUrlProblem } from './webhook-url-policy';

describe('webhook URL policy', () => {
  const production = { allowHttpLocalhost: false };
  const development = { allowHttpLocalhost: true };

  it('accepts https URLs', () => {
    expect(webhookUrlProblem('https://mall.example.com/hooks/supply?v=2', production)).toBeUndefined();
  });

  it('accepts http://localhost only in development', () => {
    expect(webhookUrlProblem('http://localhost:4000/hooks', development)).toBeUndefined();
    expect(webhookUrlProblem('http://127.0.0.1:4000/hooks', development)).toBeUndefined();
    expect(webhookUrlProblem('http://localhost:4000/hooks', production)).toMatch(/https/);
  });

  it('refuses plain http elsewhere, other schemes, credentials and garbage', () => {
    expect(webhookUrlProblem('http://mall.example.com/hooks', development)).toBe('must use https');
    expect(webhookUrlProblem('ftp://mall.example.com/hooks', development)).toBe('must use https');
    expect(webhookUrlProblem('https://user:pass@mall.example.com/hooks', production)).toBe('must not contain credentials');
    expect(webhookUrlProblem('not a url', production)).toBe('must be an absolute URL');
  });

  it('filters events by type, an empty list taking all', () => {
    expect(endpointAccepts({ eventTypes: [] }, 'supplyhub.order.routed.v1')).toBe(true);
    expect(endpointAccepts({ eventTypes: ['supplyhub.order.routed.v1'] }, 'supplyhub.order.routed.v1')).toBe(true);
    expect(endpointAccepts({ eventTypes: ['supplyhub.order.routed.v1'] }, 'supplyhub.order.cancelled.v1')).toBe(false);
  });
});
