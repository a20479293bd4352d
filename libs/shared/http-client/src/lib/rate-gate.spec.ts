import nock from 'nock';
import { HttpClient } from './http-client';
import { RateGate } from './rate-gate';
import { systemTimeSource } from './time-source';

const BASE = 'http://rate.test';

afterEach(() => nock.cleanAll());
// Each spec file loads its own nock; uninstalling it keeps them from stacking on Node's http module.
afterAll(() => nock.restore());

// Real time: limiter's bucket refills from performance.now(), so spacing is measured, not faked.
describe('rate limit', () => {
  it('hands out tokens no faster than the configured rate, first come first served', async () => {
    const gate = new RateGate({ requestsPerSecond: 20, burst: 1 }, systemTimeSource);
    const grantedAt: number[] = [];
    const order: number[] = [];

    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        gate.take().then(() => {
          grantedAt.push(performance.now());
          order.push(i);
        }),
      ),
    );

    expect(order).toEqual([0, 1, 2, 3, 4]);
    // One every 50 ms; a couple of ms of slack for timer granularity.
    for (let i = 1; i < grantedAt.length; i++) expect(grantedAt[i] - grantedAt[i - 1]).toBeGreaterThanOrEqual(47);
  });

  it('makes concurrent requests wait for their turn instead of failing them', async () => {
    const client = new HttpClient({ name: 'test', baseUrl: BASE, settings: { rateLimit: { requestsPerSecond: 20, burst: 1 } } });
    nock(BASE).get('/r').times(5).reply(200, {});
    const started = performance.now();

    const results = await Promise.all(Array.from({ length: 5 }, () => client.request({ endpoint: 'test:r', method: 'GET', path: '/r' })));
    client.close();

    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200, 200]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
  });

  it('lets a burst through at once when the bucket is full', async () => {
    const client = new HttpClient({ name: 'test', baseUrl: BASE, settings: { rateLimit: { requestsPerSecond: 2, burst: 3 } } });
    nock(BASE).get('/r').times(3).reply(200, {});
    const started = performance.now();

    await Promise.all(Array.from({ length: 3 }, () => client.request({ endpoint: 'test:r', method: 'GET', path: '/r' })));
    client.close();

    // A fourth request would have to wait 500 ms.
    expect(performance.now() - started).toBeLessThan(400);
  });
});
