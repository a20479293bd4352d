/** Raised when a wait is cut short because the consumer is stopping; the message is not committed. */
export class ConsumerStoppingError extends Error {
  constructor(cause?: unknown) {
    super('consumer is stopping', cause === undefined ? undefined : { cause });
    this.name = 'ConsumerStoppingError';
  }
}

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** Waits `ms`, or rejects with ConsumerStoppingError as soon as `signal` aborts. */
export const abortableSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(new ConsumerStoppingError());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ConsumerStoppingError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Waits `ms` in slices no longer than the heartbeat interval, sending a heartbeat after each, so a
 * backoff never outlasts the group session: the broker keeps the partition with this consumer instead
 * of handing it (and the message being retried) to another one. A heartbeat that fails because the
 * group is rebalancing ends the wait with that error: the message is then redelivered to its new owner.
 */
export async function waitWithHeartbeats(
  ms: number,
  heartbeatIntervalMs: number,
  heartbeat: () => Promise<void>,
  signal: AbortSignal,
  wait: Sleep = abortableSleep,
): Promise<void> {
  let left = ms;
  while (left > 0) {
    const slice = Math.min(left, heartbeatIntervalMs);
    await wait(slice, signal);
    left -= slice;
    await heartbeat();
  }
}
