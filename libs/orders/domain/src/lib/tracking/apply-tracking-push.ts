import type { ParsedPush, ShipmentTracking, TrackingCheckpoint, TrackingSubscriptionState } from './shipment-tracking';
import { isTerminalTrackingStatus, type TrackingStatus, trackingStatusOfCarrierState } from './tracking-status';

export interface TrackingPushResult {
  /** The tracking after the push; the very `current` object when the push changed nothing. */
  tracking: ShipmentTracking;
  /** Checkpoints the timeline did not have, oldest first (what a mall's webhook announces). */
  newEvents: TrackingCheckpoint[];
  statusChanged: boolean;
  /** The subscription moved (to shutdown, aborted, or active again). */
  subscriptionChanged: boolean;
}

/**
 * One carrier push applied to a shipment's tracking. Pushes may come twice or out of order, and each
 * carries the whole history, so:
 * - checkpoints merge by (time, context): a checkpoint once seen is never lost, a repeat adds nothing;
 * - the status follows the newest checkpoint: only a push whose newest checkpoint is at least as new as
 *   the timeline's sets it (an older push late in the queue still contributes checkpoints it alone had);
 * - 'delivered' and 'returned' never go back to an earlier status (see TERMINAL_TRACKING_STATUSES);
 * - 'shutdown' is final; 'abort' marks the subscription for re-subscribing, and only a push with news
 *   newer than the timeline (or markResubscribed) makes it active again.
 * The caller matches the push to the shipment by carrier and tracking number.
 */
export function applyTrackingPush(current: ShipmentTracking, push: ParsedPush): TrackingPushResult {
  const knownNewest = newestTime(current.timeline);
  const pushNewest = newestTime(push.checkpoints);
  const newEvents = unseen(current.timeline, push.checkpoints);
  const timeline = newEvents.length > 0 ? byTime([...current.timeline, ...newEvents]) : current.timeline;

  // The push speaks for the present only when nothing we know is newer than its newest checkpoint.
  const pushIsCurrent = pushNewest !== undefined && (knownNewest === undefined || pushNewest >= knownNewest);
  const pushHasNews = pushNewest !== undefined && (knownNewest === undefined || pushNewest > knownNewest);

  let status = current.status;
  let carrierState = current.carrierState;
  let carrier = current.carrier;
  if (pushIsCurrent) {
    const candidate = statusOfPush(push);
    if (candidate !== undefined && mayMove(current.status, candidate)) {
      status = candidate;
      carrierState = push.carrierState;
    }
    // The carrier code can be corrected (an `updateall` after the carrier was re-identified).
    carrier = push.carrier;
  }
  const final = current.final || (pushIsCurrent && push.final);
  const subscription = nextSubscription(current.subscription, push, pushHasNews);
  const subscriptionChanged = subscription !== current.subscription;

  const unchanged =
    newEvents.length === 0 &&
    status === current.status &&
    carrierState === current.carrierState &&
    carrier === current.carrier &&
    final === current.final &&
    !subscriptionChanged;
  if (unchanged) return { tracking: current, newEvents, statusChanged: false, subscriptionChanged: false };

  const tracking: ShipmentTracking = { ...current, carrier, status, final, subscription, timeline };
  if (carrierState !== undefined) tracking.carrierState = carrierState;
  if (subscriptionChanged) {
    if (subscription === 'active') delete tracking.subscriptionMessage;
    else tracking.subscriptionMessage = push.message;
  }
  return { tracking, newEvents, statusChanged: status !== current.status, subscriptionChanged };
}

/** The push's own state, or, for a code we cannot read, the state its newest checkpoint names. */
function statusOfPush(push: ParsedPush): TrackingStatus | undefined {
  return trackingStatusOfCarrierState(push.carrierState) ?? trackingStatusOfCarrierState(push.checkpoints.at(-1)?.carrierState);
}

function mayMove(from: TrackingStatus, to: TrackingStatus): boolean {
  return !isTerminalTrackingStatus(from) || isTerminalTrackingStatus(to);
}

function nextSubscription(current: TrackingSubscriptionState, push: ParsedPush, pushHasNews: boolean): TrackingSubscriptionState {
  if (current === 'shutdown' || push.pushStatus === 'shutdown') return 'shutdown';
  if (push.pushStatus === 'abort') return 'aborted';
  // A late polling push from before the abort must not hide that a re-subscription is needed.
  if (current === 'aborted') return pushHasNews ? 'active' : 'aborted';
  return 'active';
}

function keyOf(checkpoint: TrackingCheckpoint): string {
  return `${checkpoint.time}\u0000${checkpoint.context}`;
}

function unseen(timeline: readonly TrackingCheckpoint[], incoming: readonly TrackingCheckpoint[]): TrackingCheckpoint[] {
  const seen = new Set(timeline.map(keyOf));
  const fresh: TrackingCheckpoint[] = [];
  for (const checkpoint of incoming) {
    const key = keyOf(checkpoint);
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(checkpoint);
  }
  return byTime(fresh);
}

/** Oldest first; stable, so checkpoints of the same second keep the order they came in. */
function byTime(checkpoints: TrackingCheckpoint[]): TrackingCheckpoint[] {
  return checkpoints.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}

/** ISO UTC strings of one format compare as text. */
function newestTime(checkpoints: readonly TrackingCheckpoint[]): string | undefined {
  let newest: string | undefined;
  for (const checkpoint of checkpoints) if (newest === undefined || checkpoint.time > newest) newest = checkpoint.time;
  return newest;
}
