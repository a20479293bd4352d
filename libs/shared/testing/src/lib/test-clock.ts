const HOUR_MS = 3_600_000;

/**
 * A service's time in a test: it moves only when the test says so, and only forward (so what happened
 * earlier stays behind). Services take it through their clock-override token.
 */
export class TestClock {
  private nowMs = Date.now();
  now = () => new Date(this.nowMs);

  /** Moves to `hours` after `from`. */
  moveTo(from: Date, hours: number): Date {
    const target = from.getTime() + hours * HOUR_MS;
    if (target < this.nowMs) throw new Error('the test clock only moves forward');
    this.nowMs = target;
    return this.now();
  }
}
