import { interpretHealthOutcome } from './health-outcome';

describe('health check outcomes', () => {
  it('reads KafkaHealth-style status objects', () => {
    expect(interpretHealthOutcome('kafka', { status: 'up', brokers: 1, clusterId: 'c' })).toEqual({ up: true, details: { brokers: 1, clusterId: 'c' } });
    expect(interpretHealthOutcome('kafka', { status: 'down', error: 'no answer from Kafka within 2000 ms' })).toEqual({ up: false, reason: 'no answer from Kafka within 2000 ms' });
  });

  it('reads booleans and plain answers', () => {
    expect(interpretHealthOutcome('sim', false)).toEqual({ up: false, reason: 'sim is not healthy' });
    expect(interpretHealthOutcome('sim', true)).toEqual({ up: true });
    expect(interpretHealthOutcome('sim', undefined)).toEqual({ up: true });
    expect(interpretHealthOutcome('sim', { latencyMs: 3 })).toEqual({ up: true, details: { latencyMs: 3 } });
  });
});
