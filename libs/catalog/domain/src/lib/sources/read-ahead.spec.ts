import { readAhead } from './read-ahead';

describe('readAhead', () => {
  it('yields every item in order while the source runs ahead', async () => {
    const produced: number[] = [];
    async function* source() {
      for (let i = 1; i <= 5; i++) {
        produced.push(i);
        yield i;
      }
    }
    const consumed: { item: number; producedSoFar: number }[] = [];
    for await (const item of readAhead(source(), 2)) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      consumed.push({ item, producedSoFar: produced.length });
    }
    expect(consumed.map((entry) => entry.item)).toEqual([1, 2, 3, 4, 5]);
    // While item 1 was being handled, the source had already produced the next ones.
    expect(consumed[0]!.producedSoFar).toBeGreaterThanOrEqual(3);
  });

  it('raises the source’s error when its turn comes, after the items before it', async () => {
    async function* source() {
      yield 1;
      yield 2;
      throw new Error('supplier gone');
    }
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of readAhead(source(), 3)) seen.push(item);
      })(),
    ).rejects.toThrow('supplier gone');
    expect(seen).toEqual([1, 2]);
  });

  it('stops the source when the consumer stops early', async () => {
    let finished = false;
    async function* source() {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        finished = true;
      }
    }
    for await (const item of readAhead(source(), 1)) if (item === 2) break;
    expect(finished).toBe(true);
  });
});
