import { DependencyUnavailableError } from '@supply-hub/errors';
import nock from 'nock';
import { fakeTimeSource } from '../testing';
import { HttpClient, type HttpClientOptions } from './http-client';
import { UpstreamRejectedError, upstreamFailureKindOf } from './http-errors';

const BASE = 'http://upstream.test';
const clients: HttpClient[] = [];

function clientWith(overrides: Partial<HttpClientOptions> = {}) {
  const fake = fakeTimeSource();
  const client = new HttpClient({
    name: 'test',
    baseUrl: BASE,
    time: fake.time,
    settings: { retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 }, breaker: { volumeThreshold: 100 } },
    ...overrides,
  });
  clients.push(client);
  return { client, ...fake };
}

const get = (client: HttpClient, extra: object = {}) => client.request({ endpoint: 'test:thing', method: 'GET', path: '/thing', ...extra });

afterEach(() => {
  nock.cleanAll();
  for (const client of clients.splice(0)) client.close();
});

beforeAll(() => nock.disableNetConnect());
afterAll(() => {
  nock.enableNetConnect();
  // Each spec file loads its own nock; uninstalling it keeps them from stacking on Node's http module.
  nock.restore();
});

describe('HttpClient retries', () => {
  it('retries 500 three times with full-jitter backoff, then returns the 200', async () => {
    const { client, sleeps } = clientWith();
    const scope = nock(BASE).get('/thing').times(3).reply(500, 'boom').get('/thing').reply(200, { ok: true });

    const response = await get(client);

    expect(response).toMatchObject({ status: 200, data: { ok: true }, attempts: 4 });
    // random 0.5 × min(1000, 100·2^(n-1)): 50, 100, 200.
    expect(sleeps).toEqual([50, 100, 200]);
    expect(scope.isDone()).toBe(true);
    expect(client.stats().retries).toBe(3);
  });

  it('gives up after maxAttempts with a DependencyUnavailableError naming the endpoint and last status', async () => {
    const { client } = clientWith();
    nock(BASE).get('/thing').times(4).reply(502, 'bad gateway');

    const error = await get(client).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect((error as DependencyUnavailableError).details).toMatchObject({ endpoint: 'test:thing', attempts: 4, lastStatus: 502, lastFailure: 'status' });
  });

  it('honours Retry-After in seconds on 429', async () => {
    const { client, sleeps } = clientWith();
    nock(BASE).get('/thing').reply(429, '', { 'Retry-After': '3' }).get('/thing').reply(200, { ok: true });

    await expect(get(client)).resolves.toMatchObject({ status: 200 });
    expect(sleeps).toEqual([3_000]);
  });

  it('honours Retry-After as an HTTP date on 503, measured on the injected clock', async () => {
    const { client, sleeps, time } = clientWith();
    const at = new Date(time.now() + 7_000).toUTCString();
    nock(BASE).get('/thing').reply(503, '', { 'Retry-After': at }).get('/thing').reply(200, { ok: true });

    await expect(get(client)).resolves.toMatchObject({ status: 200 });
    expect(sleeps).toEqual([7_000]);
  });

  it('does not wait for a Retry-After longer than allowed', async () => {
    const { client, sleeps } = clientWith({ settings: { retry: { maxAttempts: 3, maxRetryAfterMs: 5_000 } } });
    nock(BASE).get('/thing').reply(429, '', { 'Retry-After': '600' });

    await expect(get(client)).rejects.toThrow(/Retry-After 600000 ms is too long/);
    expect(sleeps).toEqual([]);
  });

  it('does not retry a 400 and reports it as refused', async () => {
    const { client, sleeps } = clientWith();
    const scope = nock(BASE).get('/thing').reply(400, { message: 'bad sku' }).get('/thing').reply(200, { ok: true });

    const error = await get(client).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UpstreamRejectedError);
    expect(error).toMatchObject({ status: 400, details: { endpoint: 'test:thing', bodyExcerpt: expect.stringContaining('bad sku') } });
    expect(sleeps).toEqual([]);
    expect(scope.isDone()).toBe(false);
  });

  it('returns statuses the caller accepts, such as 304', async () => {
    const { client } = clientWith();
    nock(BASE).get('/thing').reply(304);

    await expect(get(client, { acceptStatuses: [304] })).resolves.toMatchObject({ status: 304, data: undefined, attempts: 1 });
  });

  it('times out a slow answer and retries it', async () => {
    const { client } = clientWith({ settings: { timeoutMs: 50, retry: { maxAttempts: 2, baseDelayMs: 0 } } });
    nock(BASE).get('/thing').delay(500).reply(200, { slow: true }).get('/thing').reply(200, { slow: false });

    await expect(get(client)).resolves.toMatchObject({ data: { slow: false }, attempts: 2 });
  });

  it('reports a timeout that never recovers as unavailable', async () => {
    const { client } = clientWith({ settings: { retry: { maxAttempts: 2, baseDelayMs: 0 } } });
    nock(BASE).get('/thing').times(2).delay(500).reply(200, {});

    const error = await get(client, { timeoutMs: 40 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect((error as Error).message).toMatch(/test:thing: timed out after 40 ms.* after 2 attempts/);
    expect(upstreamFailureKindOf(error)).toBe('timeout');
  });

  it('retries a 200 whose body is not JSON', async () => {
    const { client } = clientWith();
    nock(BASE).get('/thing').reply(200, '{"truncat').get('/thing').reply(200, { ok: true });

    await expect(get(client)).resolves.toMatchObject({ data: { ok: true }, attempts: 2 });
  });

  it('reports a body that stays unreadable as an invalid-body failure', async () => {
    const { client } = clientWith({ settings: { retry: { maxAttempts: 2 } } });
    nock(BASE).get('/thing').times(2).reply(200, '<html>');

    const error = await get(client).catch((e: unknown) => e);

    expect(upstreamFailureKindOf(error)).toBe('invalid-body');
    expect(upstreamFailureKindOf(new Error('other'))).toBeUndefined();
  });

  it('lets the protocol call a 200 answer a retryable failure', async () => {
    const { client, sleeps } = clientWith({
      classifyResponse: (response) => ((response.data as { busy?: boolean }).busy ? { retry: 'platform busy', retryAfterMs: 1_500 } : undefined),
    });
    nock(BASE).get('/thing').reply(200, { busy: true }).get('/thing').reply(200, { busy: false });

    await expect(get(client)).resolves.toMatchObject({ data: { busy: false }, attempts: 2 });
    expect(sleeps).toEqual([1_500]);
  });

  it('sends forms url-encoded and queries in the URL', async () => {
    const { client } = clientWith();
    nock(BASE)
      .post('/api/x', 'name=%E7%94%B5%E9%A5%AD%E7%85%B2&n=2')
      .query({ page: '1' })
      .matchHeader('content-type', /application\/x-www-form-urlencoded/)
      .reply(200, { ok: true });

    await expect(
      client.request({
        endpoint: 'test:x',
        method: 'POST',
        path: '/api/x',
        query: { page: 1, skip: undefined },
        form: { name: '电饭煲', n: 2, none: undefined },
      }),
    ).resolves.toMatchObject({
      status: 200,
    });
  });
});
