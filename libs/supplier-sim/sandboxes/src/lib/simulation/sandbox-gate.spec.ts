import { jsonResponse } from '../http/sandbox-response';
import { noFaults, sandboxWorld } from '../testing/sandbox-fixtures';
import { type FaultAnswers, spreadChanges } from './sandbox-gate';

const answers: FaultAnswers = { rateLimited: (s) => jsonResponse({ limited: s }, 429), failed: () => jsonResponse({ failed: true }, 503) };

describe('SandboxGate', () => {
  it('runs the handler and counts the call', async () => {
    const { gate, stats } = sandboxWorld();
    const answer = await gate.run('jd', 'product/getDetail', answers, () => jsonResponse({ ok: true }));
    expect(answer.status).toBe(200);
    expect(stats.snapshot().endpoints['jd product/getDetail']).toEqual({ requests: 1, rateLimited: 0, errors: 0, timeouts: 0 });
  });

  it("answers faults in the protocol's words without running the handler", async () => {
    const { gate, stats } = sandboxWorld({ random: () => 0.1 });
    gate.updateFaults({ taobao: { errorRate: 0.5 } });
    const handler = jest.fn(() => jsonResponse({ ok: true }));
    expect((await gate.run('taobao', 'm', answers, handler)).status).toBe(503);
    expect(handler).not.toHaveBeenCalled();
    expect((await gate.run('jd', 'm', answers, handler)).status).toBe(200);
    gate.updateFaults({ all: { rateLimitPerSecond: 1, errorRate: 0 } });
    await gate.run('feeds', 'x', answers, handler);
    expect((await gate.run('feeds', 'x', answers, handler)).status).toBe(429);
    expect(stats.snapshot().endpoints['feeds x']).toMatchObject({ requests: 2, rateLimited: 1 });
  });

  it('merges fault patches per family and resets to the start settings', () => {
    const { gate } = sandboxWorld();
    const updated = gate.updateFaults({ all: { latencyMs: 10 }, jd: { errorRate: 0.2 } });
    expect(updated.jd).toMatchObject({ latencyMs: 10, errorRate: 0.2 });
    expect(updated.feeds).toMatchObject({ latencyMs: 10, errorRate: 0 });
    gate.reset();
    expect(gate.allFaults()).toEqual(noFaults());
  });

  it('applies a few changes between pages when asked to', () => {
    const { gate, world } = sandboxWorld();
    gate.changeBetweenPages('jd');
    expect(world.sources.every((source) => world.version(source.id) === 0)).toBe(true);
    gate.updateFaults({ jd: { changesBetweenPages: 5 } });
    gate.changeBetweenPages('jd');
    expect(world.sources.reduce((sum, source) => sum + world.version(source.id), 0)).toBe(5);
  });

  it('spreads n changes over the kinds', () => {
    expect(spreadChanges(1)).toEqual({ priceMoves: 1 });
    expect(spreadChanges(7)).toEqual({ priceMoves: 2, stockOuts: 2, newSkus: 1, delistings: 1, detailChanges: 1 });
  });
});

describe('SandboxGate timeouts', () => {
  it('runs the handler before the wait when the call commits before it times out', async () => {
    const { gate, stats } = sandboxWorld({ random: () => 0.1 });
    gate.updateFaults({ fulu: { timeoutRate: 1, timeoutMs: 30 } });
    const order: string[] = [];
    const handler = () => {
      order.push('handled');
      return jsonResponse({ ok: true });
    };
    const pending = gate.run('fulu', 'order.add', answers, handler, { commitBeforeTimeout: true });
    expect(order).toEqual(['handled']);
    expect((await pending).status).toBe(200);
    const late = gate.run('fulu', 'order.add', answers, handler);
    expect(order).toEqual(['handled']);
    await late;
    expect(order).toEqual(['handled', 'handled']);
    expect(stats.snapshot().endpoints['fulu order.add']).toMatchObject({ requests: 2, timeouts: 2 });
  });
});
