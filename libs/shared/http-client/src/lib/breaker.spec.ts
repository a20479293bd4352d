import { DependencyUnavailableError } from '@supply-hub/errors';
import nock from 'nock';
import { fakeTimeSource } from '../testing';
import { HttpClient } from './http-client';
import type { BreakerState } from './breaker-registry';

const BASE = 'http://breaker.test';
let client: HttpClient;
let transitions: string[];

beforeEach(() => {
  transitions = [];
  client = new HttpClient({
    name: 'test',
    baseUrl: BASE,
    time: fakeTimeSource().time,
    // One attempt per call so each call is one breaker event; the breaker's reset timer runs on real time.
    settings: { retry: { maxAttempts: 1 }, breaker: { volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeoutMs: 80 } },
    onBreakerStateChange: (endpoint: string, state: BreakerState) => transitions.push(`${endpoint} ${state}`),
  });
});

afterEach(() => {
  nock.cleanAll();
  client.close();
});
// Each spec file loads its own nock; uninstalling it keeps them from stacking on Node's http module.
afterAll(() => nock.restore());

const call = (endpoint = 'test:a') => client.request({ endpoint, method: 'GET', path: '/a' });
const waitMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('HttpClient circuit breaker', () => {
  it('opens after failures, rejects fast while open, half-opens after the reset timeout and closes on success', async () => {
    nock(BASE).get('/a').times(2).reply(500);
    await expect(call()).rejects.toThrow(DependencyUnavailableError);
    await expect(call()).rejects.toThrow(DependencyUnavailableError);
    expect(client.breakerStates()).toEqual({ 'test:a': 'open' });

    // While open nothing is sent: an interceptor left in place stays unused.
    const untouched = nock(BASE).get('/a').reply(200, { ok: true });
    const rejected = await call().catch((e: unknown) => e);
    expect(rejected).toBeInstanceOf(DependencyUnavailableError);
    expect((rejected as DependencyUnavailableError).details).toMatchObject({ breaker: 'open', endpoint: 'test:a', attempts: 0, lastFailure: 'breaker-open' });
    expect(untouched.isDone()).toBe(false);

    await waitMs(120);
    expect(client.breakerStates()).toEqual({ 'test:a': 'half-open' });
    await expect(call()).resolves.toMatchObject({ status: 200, data: { ok: true } });
    expect(untouched.isDone()).toBe(true);
    expect(client.breakerStates()).toEqual({ 'test:a': 'closed' });
    expect(transitions).toEqual(['test:a open', 'test:a half-open', 'test:a closed']);
  });

  it('opens again when the half-open trial fails', async () => {
    nock(BASE).get('/a').times(3).reply(503);
    await call().catch(() => undefined);
    await call().catch(() => undefined);
    await waitMs(120);
    expect(client.breakerStates()['test:a']).toBe('half-open');

    await expect(call()).rejects.toThrow(/HTTP 503/);
    expect(client.breakerStates()['test:a']).toBe('open');
  });

  it('keeps one breaker per endpoint', async () => {
    nock(BASE).get('/a').times(2).reply(500).get('/a').reply(200, {});
    await call('test:bad').catch(() => undefined);
    await call('test:bad').catch(() => undefined);

    await expect(call('test:good')).resolves.toMatchObject({ status: 200 });
    expect(client.breakerStates()).toEqual({ 'test:bad': 'open', 'test:good': 'closed' });
    expect(client.stats().endpoints).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ endpoint: 'test:bad', failures: 2, calls: 2 }),
        expect.objectContaining({ endpoint: 'test:good', successes: 1 }),
      ]),
    );
  });

  it('does not count refusals (4xx) against the upstream', async () => {
    nock(BASE).get('/a').times(3).reply(404);
    for (let i = 0; i < 3; i++) await call().catch(() => undefined);

    expect(client.breakerStates()['test:a']).toBe('closed');
  });
});
