import { NotFoundError } from '@supply-hub/errors';
import {
  CARRIER_PUSH_ACK,
  carrierPushParamTextSchema,
  carrierSubscribeForm,
  type CarrierSubscribeParam,
  parseBeijingTime,
  verifyCarrierPushSign,
} from '@supply-hub/supplier-protocols';
import { waitFor } from '@supply-hub/testing';
import type { SandboxResponse } from '../http/sandbox-response';
import { sandboxWorld, testCarrierSettings, testClock } from '../testing/sandbox-fixtures';
import type { CarrierPushAnswerSeen, CarrierPushTransport } from './carrier-push-delivery';
import { CarrierSandbox } from './carrier-sandbox';
import type { CarrierSimSettings } from './carrier-settings';

const CALLBACK = 'http://127.0.0.1:1/pushes';
const ACK: CarrierPushAnswerSeen = { status: 200, body: JSON.stringify(CARRIER_PUSH_ACK) };

function subscription(overrides: Partial<CarrierSubscribeParam> = {}, parameters: Partial<CarrierSubscribeParam['parameters']> = {}): CarrierSubscribeParam {
  return {
    company: 'shunfeng',
    number: 'SF1234567890',
    key: 'sandbox-key',
    parameters: { callbackurl: CALLBACK, salt: 's4lt', resultv2: '1', ...parameters },
    ...overrides,
  };
}

function setup(overrides: Partial<CarrierSimSettings> = {}) {
  // The clock stands still: checkpoint times must still increase.
  const clock = testClock();
  const { gate } = sandboxWorld({ clock: clock.now });
  const received: { url: string; form: Record<string, string> }[] = [];
  const answers: CarrierPushAnswerSeen[] = [];
  const transport: CarrierPushTransport = async (url, form) => {
    received.push({ url, form });
    return answers.shift() ?? ACK;
  };
  const carrier = new CarrierSandbox(testCarrierSettings(overrides), 'unit', gate, clock.now, () => 0.5, transport);
  const subscribe = async (param: CarrierSubscribeParam = subscription()) => answerOf(await carrier.handleSubscribe(carrierSubscribeForm(param)));
  const pushes = () => received.map(({ form }) => carrierPushParamTextSchema.parse(form['param']));
  return { carrier, received, answers, subscribe, pushes, clock };
}

const answerOf = (response: SandboxResponse) => ({
  status: response.status,
  ...(JSON.parse(String(response.body)) as { result: boolean; returnCode: string; message: string }),
});

describe('CarrierSandbox', () => {
  let carrier: CarrierSandbox | undefined;
  afterEach(() => carrier?.onModuleDestroy());

  it('accepts a subscription and refuses bad params, a wrong key and a duplicate', async () => {
    const world = setup();
    carrier = world.carrier;
    expect(await world.subscribe()).toEqual({ status: 200, result: true, returnCode: '200', message: '提交成功' });
    expect(await world.subscribe()).toMatchObject({ status: 200, result: false, returnCode: '501' });
    expect(await world.subscribe(subscription({ key: 'wrong', number: 'SF2' }))).toMatchObject({ result: false, returnCode: '600' });
    expect(await world.subscribe(subscription({ number: '' }))).toMatchObject({ result: false, returnCode: '700', message: expect.stringContaining('number') });
    expect(await world.subscribe(subscription({ number: 'SF3' }, { callbackurl: 'not a url' }))).toMatchObject({ returnCode: '700' });
    expect(answerOf(await world.carrier.handleSubscribe({ schema: 'json', param: '{"company":' }))).toMatchObject({ returnCode: '700' });
    expect(answerOf(await world.carrier.handleSubscribe({ param: JSON.stringify(subscription({ number: 'SF4' })) }))).toMatchObject({ returnCode: '700' });
    expect(world.carrier.list().subscriptions.map((entry) => entry.number)).toEqual(['SF1234567890']);
  });

  it('walks a parcel to 签收, each push signed and carrying the whole history newest first', async () => {
    const world = setup();
    carrier = world.carrier;
    await world.subscribe();
    for (let step = 0; step < 6; step++) expect((await world.carrier.advance({ number: 'SF1234567890' })).acknowledged).toBe(true);
    await expect(world.carrier.advance({ number: 'SF1234567890' })).rejects.toThrow(/shutdown/);

    for (const { url, form } of world.received) {
      expect(url).toBe(CALLBACK);
      expect(verifyCarrierPushSign(form['param']!, 's4lt', form['sign'])).toBe(true);
    }
    const pushes = world.pushes();
    expect(pushes.map((push) => push.lastResult.state)).toEqual(['1', '0', '0', '0', '5', '3']);
    expect(pushes.map((push) => push.status)).toEqual(['polling', 'polling', 'polling', 'polling', 'polling', 'shutdown']);
    expect(pushes.map((push) => push.lastResult.ischeck)).toEqual(['0', '0', '0', '0', '0', '1']);
    const last = pushes.at(-1)!.lastResult;
    expect(last.data.map((entry) => entry.status)).toEqual(['签收', '派件', '在途', '在途', '在途', '揽收']);
    const times = last.data.map((entry) => parseBeijingTime(entry.time).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(times).size).toBe(6);
    expect(last.data[0]).toMatchObject({ areaCode: expect.stringMatching(/^CN\d{12}$/), areaName: expect.any(String) });
    // Each push's history is the previous one's plus one checkpoint.
    expect(pushes[3]!.lastResult.data).toEqual(last.data.slice(2));

    expect(world.carrier.list().subscriptions[0]).toMatchObject({ status: 'shutdown', step: 6, steps: 6, state: '3', stateName: '签收', signed: true });
    expect(world.carrier.list().subscriptions[0]!.pushes).toMatchObject({ sent: 6, attempts: 6, acknowledged: 6, refused: 0 });
  });

  it('sends no sign without a salt and no areas without resultv2', async () => {
    const world = setup();
    carrier = world.carrier;
    await world.subscribe(subscription({}, { salt: undefined, resultv2: undefined }));
    await world.carrier.advance({ number: 'SF1234567890' });
    expect(world.received[0]!.form['sign']).toBeUndefined();
    expect(Object.keys(world.pushes()[0]!.lastResult.data[0]!).sort()).toEqual(['context', 'ftime', 'status', 'time']);
  });

  it('sends every push twice at duplicateRate 1', async () => {
    const world = setup({ duplicateRate: 1 });
    carrier = world.carrier;
    await world.subscribe();
    await world.carrier.advance({ number: 'SF1234567890' });
    await world.carrier.advance({ number: 'SF1234567890' });
    expect(world.received).toHaveLength(4);
    expect(world.received[1]!.form).toEqual(world.received[0]!.form);
    expect(world.received[3]!.form).toEqual(world.received[2]!.form);
    expect(world.carrier.list().subscriptions[0]!.pushes).toMatchObject({ sent: 4, duplicates: 2 });
  });

  it('follows a push with the previous one at outOfOrderRate 1', async () => {
    const world = setup({ outOfOrderRate: 1 });
    carrier = world.carrier;
    await world.subscribe();
    for (let step = 0; step < 3; step++) await world.carrier.advance({ number: 'SF1234567890' });
    expect(world.pushes().map((push) => push.lastResult.data.length)).toEqual([1, 2, 1, 3, 2]);
    expect(world.received[2]!.form).toEqual(world.received[0]!.form);
    expect(world.carrier.list().subscriptions[0]!.pushes.outOfOrder).toBe(2);
  });

  it('retries a push the receiver does not acknowledge, then gives up after the last retry', async () => {
    const world = setup({ retries: 2 });
    carrier = world.carrier;
    await world.subscribe();
    world.answers.push({ status: 200, body: '{"result":false,"returnCode":"500","message":"bad sign"}' }, { status: 500, body: 'oops' });
    expect((await world.carrier.advance({ number: 'SF1234567890' })).acknowledged).toBe(false);
    await waitFor(() => world.carrier.list().subscriptions[0]!.pushes.acknowledged === 1, {
      message: 'the third attempt to be acknowledged',
      timeoutMs: 2_000,
    });
    expect(world.received.map(({ form }) => form)).toEqual([world.received[0]!.form, world.received[0]!.form, world.received[0]!.form]);
    expect(world.carrier.list().subscriptions[0]!.pushes).toMatchObject({ sent: 1, attempts: 3, refused: 2, retries: 2, gaveUp: 0 });

    world.answers.push(...Array.from({ length: 3 }, () => ({ status: 200, body: 'OK' })));
    await world.carrier.advance({ number: 'SF1234567890' });
    await waitFor(() => world.carrier.list().subscriptions[0]!.pushes.gaveUp === 1, { message: 'the push to be given up', timeoutMs: 2_000 });
    expect(world.carrier.list().subscriptions[0]).toMatchObject({ pushes: { attempts: 6, refused: 5 }, lastAnswer: '200 OK' });
  });

  it('counts a receiver that does not answer as a refusal', async () => {
    const clock = testClock();
    const { gate } = sandboxWorld({ clock: clock.now });
    const failing: CarrierPushTransport = async () => {
      throw new Error('connect ECONNREFUSED');
    };
    carrier = new CarrierSandbox(testCarrierSettings({ retries: 0 }), 'unit', gate, clock.now, () => 0.5, failing);
    await carrier.handleSubscribe(carrierSubscribeForm(subscription()));
    expect((await carrier.advance({ number: 'SF1234567890' })).subscription).toMatchObject({
      pushes: { attempts: 1, refused: 1, gaveUp: 1 },
      lastAnswer: 'no answer: connect ECONNREFUSED',
    });
  });

  it('takes exception numbers through 疑难, 退回 and 退签', async () => {
    const world = setup({ exceptionRate: 1 });
    carrier = world.carrier;
    await world.subscribe();
    for (let step = 0; step < 7; step++) await world.carrier.advance({ number: 'SF1234567890' });
    expect(world.pushes().map((push) => push.lastResult.state)).toEqual(['1', '0', '0', '0', '2', '6', '4']);
    expect(world.pushes().at(-1)).toMatchObject({ status: 'shutdown', lastResult: { ischeck: '1' } });
    expect(world.carrier.list().subscriptions[0]!.scenario).toBe('exception');
  });

  it('pushes on its own timer when pushIntervalMs is set', async () => {
    const world = setup({ pushIntervalMs: 5 });
    carrier = world.carrier;
    await world.subscribe();
    await waitFor(() => world.carrier.list().subscriptions[0]!.status === 'shutdown', { message: 'the journey to end', timeoutMs: 2_000 });
    await waitFor(() => world.received.length === 6, { message: 'six pushes', timeoutMs: 2_000 });
    expect(world.carrier.list().subscriptions[0]!.nextPushAt).toBeUndefined();
  });

  it('starts the timers of waiting subscriptions when the interval is set at run time', async () => {
    const world = setup();
    carrier = world.carrier;
    await world.subscribe();
    expect(world.carrier.list().subscriptions[0]!.nextPushAt).toBeUndefined();
    expect(world.carrier.updateKnobs({ pushIntervalMs: 5 })).toMatchObject({ pushIntervalMs: 5 });
    await waitFor(() => world.received.length === 6, { message: 'six pushes', timeoutMs: 2_000 });
  });

  it('aborts with an abort push, and a new subscription resumes the journey', async () => {
    const world = setup();
    carrier = world.carrier;
    await world.subscribe();
    await world.carrier.advance({ number: 'SF1234567890' });
    const aborted = await world.carrier.abort({ number: 'SF1234567890' });
    expect(aborted.subscription.status).toBe('abort');
    expect(world.pushes()[1]).toMatchObject({ status: 'abort', message: '60天无变化', lastResult: { state: '1', ischeck: '0' } });
    await expect(world.carrier.advance({ number: 'SF1234567890' })).rejects.toThrow(/abort/);

    expect(await world.subscribe(subscription({}, { callbackurl: 'http://127.0.0.1:2/again' }))).toMatchObject({ returnCode: '200' });
    await world.carrier.advance({ number: 'SF1234567890' });
    expect(world.received.at(-1)!.url).toBe('http://127.0.0.1:2/again');
    expect(world.pushes().at(-1)!.lastResult.data).toHaveLength(2);
  });

  it('makes room by dropping the oldest finished subscription, and refuses when all are live', async () => {
    const world = setup({ maxSubscriptions: 2 });
    carrier = world.carrier;
    await world.subscribe(subscription({ number: 'A1' }));
    await world.subscribe(subscription({ number: 'A2' }));
    expect(await world.subscribe(subscription({ number: 'A3' }))).toMatchObject({ result: false, returnCode: '500' });
    await world.carrier.abort({ number: 'A1' });
    expect(await world.subscribe(subscription({ number: 'A3' }))).toMatchObject({ returnCode: '200' });
    expect(world.carrier.list().subscriptions.map((entry) => entry.number)).toEqual(['A2', 'A3']);
  });

  it('finds numbers by carrier too, and says which it does not know', async () => {
    const world = setup();
    carrier = world.carrier;
    await world.subscribe(subscription({ company: 'yuantong', number: 'YT1' }));
    await expect(world.carrier.advance({ number: 'YT1', company: 'shunfeng' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(world.carrier.advance({ number: 'nope' })).rejects.toBeInstanceOf(NotFoundError);
    expect((await world.carrier.advance({ number: 'YT1', company: 'yuantong' })).subscription.step).toBe(1);
  });

  it('forgets subscriptions and restores the knobs on reset', async () => {
    const world = setup();
    carrier = world.carrier;
    await world.subscribe();
    world.carrier.updateKnobs({ duplicateRate: 0.5 });
    expect(world.carrier.reset()).toEqual({ subscriptions: 1 });
    expect(world.carrier.list().subscriptions).toEqual([]);
    expect(world.carrier.knobs().duplicateRate).toBe(0);
    expect(await world.subscribe()).toMatchObject({ returnCode: '200' });
  });
});
