import { TokenBucket } from 'limiter';
import type { RateLimitSettings } from './http-client-settings';
import type { TimeSource } from './time-source';

/**
 * A token bucket in front of a client: requests queue in arrival order and each waits for a token, so a
 * burst of concurrent callers is spread out instead of failing. The bucket comes from `limiter`; the
 * waiting is ours, through the injected sleep, and one queue keeps waiters first come, first served.
 */
export class RateGate {
  private readonly bucket: TokenBucket;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    settings: RateLimitSettings,
    private readonly time: TimeSource,
  ) {
    const burst = settings.burst ?? Math.max(1, Math.ceil(settings.requestsPerSecond));
    this.bucket = new TokenBucket({ bucketSize: burst, tokensPerInterval: settings.requestsPerSecond, interval: 1000 });
    // limiter starts a bucket empty; a client that has sent nothing yet may use its whole burst.
    this.bucket.content = burst;
  }

  /** Resolves when this request may go. */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.waitForToken(signal));
    // A caller that gives up (abort) must not block those queued behind it.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitForToken(signal?: AbortSignal): Promise<void> {
    while (!this.bucket.tryRemoveTokens(1)) {
      await this.time.sleep(Math.max(1, this.bucket.getWaitTime(1)), signal);
    }
  }
}
