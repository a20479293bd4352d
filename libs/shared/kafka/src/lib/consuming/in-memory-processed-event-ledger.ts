import type { ProcessedEvent, ProcessedEventLedger } from './processed-event-ledger';

/** A ledger that forgets on restart: for unit tests and one-off tools, never for a service. */
export class InMemoryProcessedEventLedger implements ProcessedEventLedger {
  readonly records: ProcessedEvent[] = [];

  async isProcessed(consumerGroup: string, eventId: string): Promise<boolean> {
    return this.records.some((record) => record.consumerGroup === consumerGroup && record.eventId === eventId);
  }

  async markProcessed(event: ProcessedEvent): Promise<void> {
    if (!(await this.isProcessed(event.consumerGroup, event.eventId))) this.records.push(event);
  }
}
