import { CARRIER_STATE_NAMES, type CarrierPushStatus, type CarrierState } from '@supply-hub/supplier-protocols';
import { applyTrackingPush } from './apply-tracking-push';
import {
  emptyShipmentTracking,
  markResubscribed,
  needsResubscription,
  type ParsedPush,
  type ShipmentTracking,
  type TrackingCheckpoint,
} from './shipment-tracking';

/** A parcel's journey, oldest first: each step the carrier state of its checkpoint. */
const JOURNEY: [CarrierState, string][] = [
  ['1', '【深圳市】已揽收'],
  ['0', '【深圳市】快件已从深圳转运中心发出'],
  ['0', '【武汉市】快件已到达武汉转运中心'],
  ['5', '【北京市】快件正在派送中'],
  ['3', '【北京市】快件已签收，签收人：本人'],
];

function checkpoint(step: number): TrackingCheckpoint {
  const [state, context] = JOURNEY[step]!;
  return { time: new Date(Date.UTC(2026, 10, 22, 2 + step * 3)).toISOString(), context, statusName: CARRIER_STATE_NAMES[state], carrierState: state };
}

/** The push the carrier sends after `step`: the whole history up to it. */
function pushAt(step: number, overrides: Partial<ParsedPush> = {}): ParsedPush {
  const last = step === JOURNEY.length - 1;
  return {
    pushStatus: last ? 'shutdown' : 'polling',
    message: '',
    carrier: 'shunfeng',
    trackingNumber: 'SF1234567890',
    carrierState: JOURNEY[step]![0],
    final: last,
    checkpoints: Array.from({ length: step + 1 }, (_, i) => checkpoint(i)),
    ...overrides,
  };
}

function statusPush(pushStatus: CarrierPushStatus, message: string, checkpoints: TrackingCheckpoint[] = []): ParsedPush {
  return { pushStatus, message, carrier: 'shunfeng', trackingNumber: 'SF1234567890', carrierState: '0', final: false, checkpoints };
}

function applyAll(steps: number[], start: ShipmentTracking = emptyShipmentTracking('shunfeng', 'SF1234567890')): ShipmentTracking {
  return steps.reduce((tracking, step) => applyTrackingPush(tracking, pushAt(step)).tracking, start);
}

describe('applyTrackingPush', () => {
  it('follows a parcel from pending to delivered, announcing each checkpoint once', () => {
    let tracking = emptyShipmentTracking('shunfeng', 'SF1234567890');
    const statuses: string[] = [];
    const announced: string[] = [];
    for (let step = 0; step < JOURNEY.length; step++) {
      const result = applyTrackingPush(tracking, pushAt(step));
      expect(result.statusChanged).toBe(step !== 2); // two 在途 checkpoints in a row
      tracking = result.tracking;
      statuses.push(tracking.status);
      announced.push(...result.newEvents.map((event) => event.context));
    }
    expect(statuses).toEqual(['picked-up', 'in-transit', 'in-transit', 'out-for-delivery', 'delivered']);
    expect(announced).toEqual(JOURNEY.map(([, context]) => context));
    expect(tracking).toMatchObject({ final: true, subscription: 'shutdown', carrierState: '3' });
    expect(tracking.timeline.map((entry) => entry.time)).toEqual(JOURNEY.map((_, step) => checkpoint(step).time));
  });

  it('changes nothing on a duplicate push', () => {
    const tracking = applyAll([0, 1, 2]);
    const result = applyTrackingPush(tracking, pushAt(2));
    expect(result).toEqual({ tracking, newEvents: [], statusChanged: false, subscriptionChanged: false });
    expect(result.tracking).toBe(tracking);
  });

  it('keeps the status of the newest checkpoint when an older push arrives late', () => {
    const tracking = applyAll([0, 1, 3]);
    expect(tracking.status).toBe('out-for-delivery');
    const late = applyTrackingPush(tracking, pushAt(2));
    expect(late.statusChanged).toBe(false);
    expect(late.tracking.status).toBe('out-for-delivery');
    expect(late.tracking.carrierState).toBe('5');
  });

  it('never loses a checkpoint: one only an older push carried joins the timeline in its place', () => {
    // Push 3 left out checkpoint 2 (the carrier's history was incomplete when it was sent).
    const gappy = pushAt(3, { checkpoints: [0, 1, 3].map(checkpoint) });
    const tracking = applyTrackingPush(applyAll([0]), gappy).tracking;
    const late = applyTrackingPush(tracking, pushAt(2));
    expect(late.newEvents.map((event) => event.context)).toEqual([JOURNEY[2]![1]]);
    expect(late.tracking.timeline.map((event) => event.context)).toEqual(JOURNEY.slice(0, 4).map(([, context]) => context));
    expect(late.tracking.status).toBe('out-for-delivery');
    // And a newer push that lacks a checkpoint removes nothing.
    const after = applyTrackingPush(late.tracking, pushAt(4, { checkpoints: [0, 4].map(checkpoint) }));
    expect(after.tracking.timeline).toHaveLength(5);
  });

  it('never moves a delivered shipment back because an old push arrives late', () => {
    const delivered = applyAll([0, 1, 2, 3, 4]);
    for (const step of [0, 1, 2, 3]) {
      const result = applyTrackingPush(delivered, pushAt(step));
      expect(result.tracking).toBe(delivered);
    }
    // Not even a push as new as the timeline that claims an earlier state.
    const confused = applyTrackingPush(delivered, pushAt(4, { carrierState: '0', pushStatus: 'polling', final: false }));
    expect(confused.tracking.status).toBe('delivered');
    expect(confused.tracking.final).toBe(true);
  });

  it('lets a delivered shipment become returned by a newer push', () => {
    const delivered = applyAll([0, 1, 2, 3, 4]);
    const back: TrackingCheckpoint = { time: '2026-11-23T09:00:00.000Z', context: '【北京市】快件已退回', statusName: '退回', carrierState: '6' };
    const result = applyTrackingPush(delivered, pushAt(4, { carrierState: '6', checkpoints: [...pushAt(4).checkpoints, back] }));
    expect(result.tracking.status).toBe('returned');
    expect(result.newEvents).toEqual([back]);
  });

  it('takes an exception and leaves it for a newer state', () => {
    const problem: TrackingCheckpoint = { time: '2026-11-22T09:30:00.000Z', context: '【武汉市】收件地址不详', statusName: '疑难', carrierState: '2' };
    const stuck = applyTrackingPush(applyAll([0, 1, 2]), pushAt(2, { carrierState: '2', checkpoints: [...pushAt(2).checkpoints, problem] }));
    expect(stuck.tracking.status).toBe('exception');
    const moving = applyTrackingPush(stuck.tracking, pushAt(3, { checkpoints: [...pushAt(3).checkpoints, problem] }));
    expect(moving.tracking.status).toBe('out-for-delivery');
  });

  it('falls back to the newest checkpoint’s state when the push’s state code is unknown', () => {
    const result = applyTrackingPush(applyAll([0]), pushAt(1, { carrierState: '9' }));
    expect(result.tracking.status).toBe('in-transit');
  });

  it('records an abort with its reason, keeps it through late pushes, and clears it on news or re-subscription', () => {
    const moving = applyAll([0, 1]);
    const aborted = applyTrackingPush(moving, statusPush('abort', '60天无变化', pushAt(1).checkpoints));
    expect(aborted).toMatchObject({ statusChanged: false, subscriptionChanged: true, newEvents: [] });
    expect(aborted.tracking).toMatchObject({ subscription: 'aborted', subscriptionMessage: '60天无变化', status: 'in-transit' });
    expect(needsResubscription(aborted.tracking)).toBe(true);

    expect(applyTrackingPush(aborted.tracking, pushAt(1)).tracking).toBe(aborted.tracking);
    expect(applyTrackingPush(aborted.tracking, statusPush('abort', '60天无变化')).tracking).toBe(aborted.tracking);

    const news = applyTrackingPush(aborted.tracking, pushAt(2));
    expect(news.tracking.subscription).toBe('active');
    expect(news.tracking.subscriptionMessage).toBeUndefined();
    expect(news.subscriptionChanged).toBe(true);

    const resubscribed = markResubscribed(aborted.tracking);
    expect(resubscribed).toMatchObject({ subscription: 'active' });
    expect(resubscribed.subscriptionMessage).toBeUndefined();
    expect(markResubscribed(moving)).toBe(moving);
  });

  it('records an abort with no history yet and stays pending', () => {
    const result = applyTrackingPush(emptyShipmentTracking('yunda', '4300000000001'), statusPush('abort', '3天查询无记录'));
    expect(result.tracking).toMatchObject({ status: 'pending', subscription: 'aborted', subscriptionMessage: '3天查询无记录', timeline: [] });
  });

  it('keeps a shutdown final even when an older polling push arrives after it', () => {
    const done = applyAll([0, 1, 2, 3, 4]);
    expect(done.subscription).toBe('shutdown');
    expect(applyTrackingPush(done, pushAt(3)).tracking.subscription).toBe('shutdown');
    expect(applyTrackingPush(done, statusPush('abort', 'late')).tracking.subscription).toBe('shutdown');
  });

  it('merges an updateall like any push and follows a corrected carrier code', () => {
    const tracking = applyAll([0, 1]);
    const result = applyTrackingPush(tracking, pushAt(1, { pushStatus: 'updateall', carrier: 'shunfengkuaiyun' }));
    expect(result.tracking.carrier).toBe('shunfengkuaiyun');
    expect(result.newEvents).toEqual([]);
    expect(result.statusChanged).toBe(false);
  });

  it('keeps checkpoints of the same second that differ in text, in the carrier’s order', () => {
    const time = '2026-11-22T02:00:00.000Z';
    const a: TrackingCheckpoint = { time, context: '已揽收', statusName: '揽收', carrierState: '1' };
    const b: TrackingCheckpoint = { time, context: '已发出', statusName: '在途', carrierState: '0' };
    const result = applyTrackingPush(emptyShipmentTracking('shunfeng', 'SF1'), { ...pushAt(0), carrierState: '0', checkpoints: [a, b, a] });
    expect(result.tracking.timeline).toEqual([a, b]);
    expect(result.tracking.status).toBe('in-transit');
  });
});
