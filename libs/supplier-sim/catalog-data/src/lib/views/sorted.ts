/** First position in ascending `values` whose value is ≥ `target`. */
export function lowerBound(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((values[middle] as number) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** First integer x in [low, high) with predicate(x) true, for a predicate false-then-true; `high` if none. */
export function firstTrue(low: number, high: number, predicate: (x: number) => boolean): number {
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (predicate(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}
