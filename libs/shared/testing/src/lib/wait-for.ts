export interface WaitForOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** What was being waited for, in words: the failure message starts with it. */
  message: string;
}

/**
 * Polls `probe` until it returns something other than undefined / false / null and resolves with that.
 * Throws with `message`, the time waited and the last error the probe threw when time runs out.
 * Use it instead of fixed sleeps: a test waits exactly as long as it has to.
 */
export async function waitFor<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, options: WaitForOptions): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const intervalMs = options.intervalMs ?? 50;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const result = await probe();
      if (result !== undefined && result !== null && result !== false) return result;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError === undefined ? '' : `; last error: ${lastError instanceof Error ? lastError.message : String(lastError)}`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${options.message}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
