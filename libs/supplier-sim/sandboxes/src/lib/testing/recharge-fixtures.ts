import { FULU_NOTIFY_ACK, fuluRequest, type FuluRequestInput, juheOrderSign } from '@supply-hub/supplier-protocols';
import type { CallbackAnswerSeen, CallbackRequest, CallbackTransport } from '../http/callback-delivery';
import type { SandboxResponse } from '../http/sandbox-response';
import { sandboxWorld, testClock, testRechargeSettings } from './sandbox-fixtures';
import { FuluGateway } from '../recharge/fulu-gateway';
import { JuheApi } from '../recharge/juhe-api';
import { RechargeSandbox } from '../recharge/recharge-sandbox';
import type { RechargeKnobs } from '../recharge/recharge-settings';

/** Both recharge sandboxes on a standing clock, notifies caught by a fake transport (answers queued, else the ack). */
export function rechargeSetup(knobs: Partial<RechargeKnobs> = {}, options: { random?: () => number } = {}) {
  const clock = testClock();
  const { gate, stats } = sandboxWorld({ clock: clock.now, random: options.random });
  const settings = testRechargeSettings(knobs);
  const received: { url: string; request: CallbackRequest }[] = [];
  const answers: (CallbackAnswerSeen | Error)[] = [];
  const transport: CallbackTransport = async (url, request) => {
    received.push({ url, request });
    const answer = answers.shift() ?? { status: 200, body: FULU_NOTIFY_ACK };
    if (answer instanceof Error) throw answer;
    return answer;
  };
  const recharge = new RechargeSandbox(settings, 'unit', clock.now, options.random ?? (() => 0.5), transport);
  const fulu = new FuluGateway(gate, recharge.books.fulu, settings.fulu, clock.now);
  const juhe = new JuheApi(gate, recharge.books.juhe, settings.juhe);
  const fuluCall = async (method: FuluRequestInput['method'], biz: FuluRequestInput['biz'], overrides: Record<string, string> = {}) =>
    answerOf(
      await fulu.handle({ ...fuluRequest({ appKey: settings.fulu.appKey, appSecret: settings.fulu.appSecret, method, biz, now: clock.now() }), ...overrides }),
    );
  const juheOrder = async (phoneno: string, cardnum: string, orderid: string, overrides: Record<string, string> = {}) => {
    const sign = juheOrderSign({ openId: settings.juhe.openId, key: settings.juhe.key, phoneno, cardnum, orderid });
    return answerOf(await juhe.handleOnlineOrder({ key: settings.juhe.key, phoneno, cardnum, orderid, sign, ...overrides }));
  };
  const juheState = async (orderid: string, key = settings.juhe.key) => answerOf(await juhe.handleOrderState({ orderid, key }));
  return { clock, gate, stats, settings, recharge, fulu, juhe, received, answers, fuluCall, juheOrder, juheState };
}

export function answerOf(response: SandboxResponse): { status: number } & Record<string, unknown> {
  return { status: response.status, ...(JSON.parse(String(response.body)) as Record<string, unknown>) };
}
