import { EXCEPTION_FILTERS_METADATA } from '@nestjs/common/constants';
import { PATTERN_EXTRAS_METADATA, PATTERN_HANDLER_METADATA, PATTERN_METADATA, TRANSPORT_METADATA } from '@nestjs/microservices/constants';
import { type CloudEvent, SkuUpserted, type SkuUpsertedData } from '@supply-hub/contracts';
import { ValidationError } from '@supply-hub/errors';
import { PatternHandler } from '@nestjs/microservices/enums/pattern-handler.enum';
import { lastValueFrom } from 'rxjs';
import { EVENT_BATCH_EXTRA, EVENT_DEFINITION_EXTRA, EVENT_HANDLER_OPTIONS_EXTRA, KAFKA_EVENTS_TRANSPORT } from './kafka.constants';
import { OnEvent, OnEvents, RethrowEventErrorsFilter } from './on-event.decorator';

class SkuConsumer {
  @OnEvent(SkuUpserted)
  async onSkuUpserted(_event: CloudEvent<SkuUpsertedData>): Promise<void> {}

  @OnEvent(SkuUpserted, { idempotent: true })
  async onSkuUpsertedByKey(_event: CloudEvent<SkuUpsertedData>): Promise<void> {}

  @OnEvents(SkuUpserted)
  async onSkusUpserted(_events: readonly CloudEvent<SkuUpsertedData>[]): Promise<void> {}
}

describe('@OnEvent', () => {
  const method = SkuConsumer.prototype.onSkuUpserted;

  it('registers an event pattern for the event type on the Kafka events transport, carrying the definition', () => {
    expect(Reflect.getMetadata(PATTERN_METADATA, method)).toEqual([SkuUpserted.type]);
    expect(Reflect.getMetadata(PATTERN_HANDLER_METADATA, method)).toBe(PatternHandler.EVENT);
    expect(Reflect.getMetadata(TRANSPORT_METADATA, method)).toBe(KAFKA_EVENTS_TRANSPORT);
    expect(Reflect.getMetadata(PATTERN_EXTRAS_METADATA, method)).toEqual({ [EVENT_DEFINITION_EXTRA]: SkuUpserted, [EVENT_HANDLER_OPTIONS_EXTRA]: {} });
  });

  it('carries the handler options (idempotent: no ledger) for the strategy', () => {
    expect(Reflect.getMetadata(PATTERN_EXTRAS_METADATA, SkuConsumer.prototype.onSkuUpsertedByKey)).toMatchObject({
      [EVENT_HANDLER_OPTIONS_EXTRA]: { idempotent: true },
    });
  });

  it('marks a batch handler (@OnEvents) as such, and as idempotent', () => {
    const batch = SkuConsumer.prototype.onSkusUpserted;
    expect(Reflect.getMetadata(PATTERN_METADATA, batch)).toEqual([SkuUpserted.type]);
    expect(Reflect.getMetadata(PATTERN_EXTRAS_METADATA, batch)).toEqual({
      [EVENT_DEFINITION_EXTRA]: SkuUpserted,
      [EVENT_HANDLER_OPTIONS_EXTRA]: { idempotent: true },
      [EVENT_BATCH_EXTRA]: true,
    });
    expect((Reflect.getMetadata(EXCEPTION_FILTERS_METADATA, batch) as unknown[])[0]).toBeInstanceOf(RethrowEventErrorsFilter);
  });

  it('lets the handler’s own error through to the consumer wrapper', async () => {
    const [filter] = Reflect.getMetadata(EXCEPTION_FILTERS_METADATA, method) as RethrowEventErrorsFilter[];
    expect(filter).toBeInstanceOf(RethrowEventErrorsFilter);
    const error = new ValidationError('bad sku');
    await expect(lastValueFrom(filter.catch(error))).rejects.toBe(error);
  });
});
