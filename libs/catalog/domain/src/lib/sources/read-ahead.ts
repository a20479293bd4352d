/**
 * Iterates `source` while asking it for up to `depth` more items ahead, so that fetching the next page
 * from a supplier overlaps with storing the current one. An async generator runs its body for one
 * `next()` at a time, so asking ahead simply lets it go on with the next page. Errors surface in order,
 * when their item is reached; ending early stops the source.
 */
export async function* readAhead<T>(source: AsyncIterable<T>, depth: number): AsyncGenerator<T> {
  if (depth <= 0) {
    yield* source;
    return;
  }
  const iterator = source[Symbol.asyncIterator]();
  const queue: Promise<IteratorResult<T>>[] = [];
  const ask = () => {
    const next = iterator.next();
    // Awaited later, in order; until then a rejection must not count as unhandled.
    next.catch(() => undefined);
    queue.push(next);
  };
  try {
    for (let i = 0; i <= depth; i++) ask();
    while (queue.length > 0) {
      const result = await queue.shift()!;
      if (result.done) return;
      ask();
      yield result.value;
    }
  } finally {
    await iterator.return?.();
  }
}
