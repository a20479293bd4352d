import { defineEvent, type EventDataOf } from '@supply-hub/contracts';
import { z } from 'zod';

/**
 * A throw-away event for the integration specs, on a topic of the test's own (unique per run), so specs
 * never read each other's messages or the services' topics.
 */
export function defineCounterIncremented(topic: string) {
  return defineEvent({
    type: 'supplyhub.test.counter-incremented.v1',
    topic,
    description: 'Test event: a counter went up',
    tenantScoped: false,
    schema: z.object({ counterId: z.string().min(1), by: z.number().int() }),
    keyOf: (data) => data.counterId,
  });
}

export type CounterIncremented = ReturnType<typeof defineCounterIncremented>;
export type CounterIncrementedData = EventDataOf<CounterIncremented>;
