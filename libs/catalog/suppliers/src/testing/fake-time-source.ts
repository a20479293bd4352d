import type { TimeSource } from '@supply-hub/http-client';

/**
 * A clock that moves only when the client sleeps: backoff and Retry-After are asserted from the sleeps
 * recorded, without waiting. `random` is fixed so full jitter is predictable.
 */
export function fakeTimeSource(options: { startMs?: number; random?: number } = {}) {
  let nowMs = options.startMs ?? Date.UTC(2026, 10, 22, 4, 0, 0);
  const sleeps: number[] = [];
  const time: TimeSource = {
    now: () => nowMs,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      nowMs += ms;
    },
    random: () => options.random ?? 0.5,
  };
  return { time, sleeps, advance: (ms: number) => (nowMs += ms) };
}
