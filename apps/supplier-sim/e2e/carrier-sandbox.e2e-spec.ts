import { startTestService, type TestService } from '@supply-hub/platform/testing';
import type { CarrierSubscriptionView } from '@supply-hub/sim-sandboxes';
import {
  CARRIER_PUSH_ACK,
  type CarrierPushParam,
  carrierSubscribeForm,
  type CarrierSubscribeParam,
  parseBeijingTime,
  readCarrierCallback,
} from '@supply-hub/supplier-protocols';
import { waitFor } from '@supply-hub/testing';
import { CarrierReceiver, type ReceivedPush } from './support/carrier-receiver';
import { simServiceOptions } from './support/sim-clients';

const SALT = 'e2e-salt';

describe('supplier-sim: the carrier tracking sandbox over HTTP', () => {
  let service: TestService;
  let receiver: CarrierReceiver;
  let numbers = 0;

  beforeAll(async () => {
    receiver = await new CarrierReceiver().start();
    // Manual timeline (advance on demand) and quick retries; tests that want the timer set it.
    service = await startTestService(
      simServiceOptions({ SIM_CARRIER_PUSH_INTERVAL_MS: '0', SIM_CARRIER_RETRY_DELAY_MS: '50', SIM_CARRIER_PUSH_TIMEOUT_MS: '2000' }),
    );
  });

  afterEach(async () => {
    receiver.answer = () => ({ status: 200, body: JSON.stringify(CARRIER_PUSH_ACK) });
    await service.http.post('/sim/reset').expect(200);
  });

  afterAll(async () => {
    await service?.close();
    await receiver?.stop();
  });

  /** A fresh tracking number whose pushes go to a path of its own on the receiver. */
  function newSubscription(overrides: Partial<CarrierSubscribeParam> = {}): CarrierSubscribeParam & { path: string } {
    numbers += 1;
    const number = `SF${Date.now() % 1_000_000_000}${numbers}`;
    const path = `/carrier/pushes/${number}`;
    return { company: 'shunfeng', number, key: 'sandbox-key', parameters: { callbackurl: receiver.url(path), salt: SALT, resultv2: '1' }, path, ...overrides };
  }

  async function subscribe(param: CarrierSubscribeParam) {
    return (await service.http.post('/carrier/poll/subscribe').type('form').send(carrierSubscribeForm(param)).expect(200)).body as {
      result: boolean;
      returnCode: string;
      message: string;
    };
  }

  async function advance(number: string) {
    return (await service.http.post('/sim/carrier/advance').send({ number }).expect(200)).body as {
      acknowledged: boolean;
      subscription: CarrierSubscriptionView;
    };
  }

  async function subscriptionOf(number: string): Promise<CarrierSubscriptionView> {
    const { subscriptions } = (await service.http.get('/sim/carrier/subscriptions').expect(200)).body as { subscriptions: CarrierSubscriptionView[] };
    const found = subscriptions.find((entry) => entry.number === number);
    if (!found) throw new Error(`${number} is not subscribed`);
    return found;
  }

  /** A push as a receiver reads it: the signature checked with the protocol lib, then the param parsed. */
  function read(push: ReceivedPush): CarrierPushParam {
    expect(push.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    const reading = readCarrierCallback(push.form, SALT);
    if (!reading.ok) throw new Error(`push refused: ${reading.reason} ${reading.detail ?? ''}`);
    return reading.param;
  }

  it('accepts a subscription and answers duplicates, a wrong key and bad params in the protocol’s codes', async () => {
    const param = newSubscription();
    expect(await subscribe(param)).toEqual({ result: true, returnCode: '200', message: '提交成功' });
    expect(await subscribe(param)).toMatchObject({ result: false, returnCode: '501' });
    expect(await subscribe({ ...newSubscription(), key: 'not-the-key' })).toMatchObject({ result: false, returnCode: '600' });
    expect(await subscribe({ ...newSubscription(), number: '' })).toMatchObject({ result: false, returnCode: '700' });
    expect(await subscribe({ ...newSubscription(), parameters: { callbackurl: 'mailto:x@example.com' } })).toMatchObject({ returnCode: '700' });
    const notJson = await service.http.post('/carrier/poll/subscribe').type('form').send({ schema: 'json', param: '{"company":"shunfeng",' }).expect(200);
    expect(notJson.body).toMatchObject({ result: false, returnCode: '700' });
    const noSchema = await service.http
      .post('/carrier/poll/subscribe')
      .type('form')
      .send({ param: JSON.stringify(newSubscription()) })
      .expect(200);
    expect(noSchema.body).toMatchObject({ result: false, returnCode: '700' });
    const { subscriptions } = (await service.http.get('/sim/carrier/subscriptions').expect(200)).body;
    expect(subscriptions).toHaveLength(1);
    expect(subscriptions[0]).toMatchObject({ number: param.number, status: 'polling', step: 0, steps: 6, signed: true });
    expect(JSON.stringify(subscriptions)).not.toContain(SALT);
  });

  it('pushes the whole timeline to 签收, signed, newest first, on demand', async () => {
    const param = newSubscription();
    await subscribe(param);
    for (let step = 1; step <= 6; step++) {
      const advanced = await advance(param.number);
      expect(advanced).toMatchObject({ acknowledged: true, subscription: { step } });
    }
    await service.http.post('/sim/carrier/advance').send({ number: param.number }).expect(409);

    const pushes = receiver.pushesTo(param.path).map(read);
    expect(pushes.map((push) => push.lastResult.state)).toEqual(['1', '0', '0', '0', '5', '3']);
    expect(pushes.at(-1)).toMatchObject({ status: 'shutdown', lastResult: { com: 'shunfeng', nu: param.number, ischeck: '1' } });
    const history = pushes.at(-1)!.lastResult.data;
    expect(history.map((entry) => entry.status)).toEqual(['签收', '派件', '在途', '在途', '在途', '揽收']);
    expect(history[0]!.context).toMatch(/^【.+】快件已签收/);
    expect(history.every((entry) => /^CN\d{12}$/.test(entry.areaCode ?? '') && entry.areaName)).toBe(true);
    const times = history.map((entry) => parseBeijingTime(entry.time).getTime());
    expect(times).toEqual([...new Set(times)].sort((a, b) => b - a));

    expect(await subscriptionOf(param.number)).toMatchObject({
      status: 'shutdown',
      state: '3',
      stateName: '签收',
      pushes: { sent: 6, attempts: 6, acknowledged: 6, refused: 0, duplicates: 0, outOfOrder: 0 },
    });
  });

  it('sends duplicates and an older push after a newer one when told to', async () => {
    await service.http.post('/sim/carrier/settings').send({ duplicateRate: 1, outOfOrderRate: 1 }).expect(200);
    const param = newSubscription();
    await subscribe(param);
    await advance(param.number);
    await advance(param.number);
    const pushes = receiver.pushesTo(param.path);
    // Step 1, its duplicate; step 2, its duplicate, then step 1 again (older, after the newer one).
    expect(pushes.map((push) => read(push).lastResult.data.length)).toEqual([1, 1, 2, 2, 1]);
    expect(pushes[1]!.form).toEqual(pushes[0]!.form);
    expect(pushes[4]!.form).toEqual(pushes[0]!.form);
    expect((await subscriptionOf(param.number)).pushes).toMatchObject({ sent: 5, duplicates: 2, outOfOrder: 1 });
  });

  it('retries a push until the receiver answers the success JSON', async () => {
    const param = newSubscription();
    await subscribe(param);
    // First a refusal in words, then an HTTP error, then the success JSON.
    const answers = [
      { status: 200, body: JSON.stringify({ result: false, returnCode: '500', message: '签名错误' }) },
      { status: 503, body: '' },
    ];
    receiver.answer = () => answers.shift() ?? { status: 200, body: JSON.stringify(CARRIER_PUSH_ACK) };
    expect((await advance(param.number)).acknowledged).toBe(false);
    const acknowledged = await waitFor(
      async () => {
        const subscription = await subscriptionOf(param.number);
        return subscription.pushes.acknowledged === 1 && subscription;
      },
      { message: 'the push to be acknowledged on its third attempt', timeoutMs: 10_000 },
    );
    expect(acknowledged.pushes).toMatchObject({ sent: 1, attempts: 3, refused: 2, retries: 2, gaveUp: 0 });
    const attempts = receiver.pushesTo(param.path);
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((push) => push.form['sign'])).size).toBe(1);
  });

  it('gives up after the configured retries', async () => {
    await service.http.post('/sim/carrier/settings').send({ retries: 1, retryDelayMs: 20 }).expect(200);
    const param = newSubscription();
    await subscribe(param);
    receiver.answer = () => ({ status: 200, body: 'success' });
    await advance(param.number);
    await waitFor(async () => (await subscriptionOf(param.number)).pushes.gaveUp === 1, { message: 'the push to be given up', timeoutMs: 10_000 });
    expect(receiver.pushesTo(param.path)).toHaveLength(2);
    expect((await subscriptionOf(param.number)).lastAnswer).toBe('200 success');
  });

  it('walks the timeline on its own at a fast push interval', async () => {
    await service.http.post('/sim/carrier/settings').send({ pushIntervalMs: 50 }).expect(200);
    const param = newSubscription();
    await subscribe(param);
    await waitFor(() => receiver.pushesTo(param.path).length === 6, { message: 'six pushes on the timer', timeoutMs: 10_000 });
    const last = read(receiver.pushesTo(param.path).at(-1)!);
    expect(last).toMatchObject({ status: 'shutdown', lastResult: { state: '3', ischeck: '1' } });
    expect((await subscriptionOf(param.number)).nextPushAt).toBeUndefined();
  });

  it('takes exception numbers through 疑难 back to the sender', async () => {
    await service.http.post('/sim/carrier/settings').send({ exceptionRate: 1 }).expect(200);
    const param = newSubscription();
    await subscribe(param);
    for (let step = 0; step < 7; step++) await advance(param.number);
    const states = receiver.pushesTo(param.path).map((push) => read(push).lastResult.state);
    expect(states).toEqual(['1', '0', '0', '0', '2', '6', '4']);
    expect((await subscriptionOf(param.number)).scenario).toBe('exception');
  });

  it('aborts on demand and resumes on a new subscription', async () => {
    const param = newSubscription();
    await subscribe(param);
    await advance(param.number);
    const aborted = (await service.http.post('/sim/carrier/abort').send({ number: param.number }).expect(200)).body;
    expect(aborted.subscription.status).toBe('abort');
    expect(read(receiver.pushesTo(param.path).at(-1)!)).toMatchObject({ status: 'abort', message: '60天无变化' });
    expect(await subscribe(param)).toMatchObject({ returnCode: '200' });
    expect((await advance(param.number)).subscription).toMatchObject({ status: 'polling', step: 2 });
  });

  it('validates the admin requests and knobs, and applies the carrier family’s faults to subscribe', async () => {
    await service.http.post('/sim/carrier/advance').send({ number: 'UNKNOWN1' }).expect(404);
    await service.http.post('/sim/carrier/advance').send({}).expect(400);
    await service.http.post('/sim/carrier/settings').send({ duplicateRate: 2 }).expect(400);
    await service.http.post('/sim/carrier/settings').send({ key: 'x' }).expect(400);
    expect((await service.http.get('/sim/carrier/settings').expect(200)).body).toMatchObject({ pushIntervalMs: 0, retryDelayMs: 50, retries: 3 });

    await service.http
      .post('/sim/faults')
      .send({ carrier: { errorRate: 1 } })
      .expect(200);
    const failed = await service.http.post('/carrier/poll/subscribe').type('form').send(carrierSubscribeForm(newSubscription()));
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect((await service.http.get('/sim/stats').expect(200)).body.requests.endpoints['carrier poll/subscribe']).toMatchObject({ errors: 1 });
  });
});
