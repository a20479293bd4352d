/**
 * What a registered check's answer means. Checks differ in style: some throw when down, some answer
 * `false`, some (KafkaHealth) answer `{ status: 'up' | 'down', ...details }`. All are accepted.
 */
export type HealthOutcome = { up: true; details?: Record<string, unknown> } | { up: false; reason: string };

export function interpretHealthOutcome(name: string, outcome: unknown): HealthOutcome {
  if (outcome === false) return { up: false, reason: `${name} is not healthy` };
  if (typeof outcome !== 'object' || outcome === null) return { up: true };
  // `status` is terminus's own key in the result; the rest are details worth showing.
  const { status, ...details } = outcome as Record<string, unknown>;
  if (status === 'down' || status === 'error') {
    const reason = typeof details['error'] === 'string' ? details['error'] : typeof details['message'] === 'string' ? details['message'] : `${name} is down`;
    return { up: false, reason };
  }
  return { up: true, details };
}
