import { uniqueName } from './unique-name';
import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('resolves with the first truthy result', async () => {
    let calls = 0;
    await expect(waitFor(() => (++calls >= 3 ? `done after ${calls}` : undefined), { message: 'three calls', intervalMs: 1 })).resolves.toBe('done after 3');
  });

  it('names what it waited for, how long, and the last error', async () => {
    await expect(
      waitFor(
        () => {
          throw new Error('not yet');
        },
        { message: 'the order to be routed', timeoutMs: 30, intervalMs: 5 },
      ),
    ).rejects.toThrow('timed out after 30 ms waiting for the order to be routed; last error: not yet');
  });
});

describe('uniqueName', () => {
  it('never repeats and stays valid for Kafka and MongoDB names', () => {
    const names = new Set(Array.from({ length: 100 }, () => uniqueName('orders_test')));
    expect(names.size).toBe(100);
    for (const name of names) expect(name).toMatch(/^orders_test-[a-z0-9]+-\d+$/);
  });
});
