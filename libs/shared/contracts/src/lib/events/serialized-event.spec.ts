import { z } from 'zod';
import { SkuDelisted } from '../catalog/sku-delisted.event';
import { SkuUpserted } from '../catalog/sku-upserted.event';
import { createEvent } from './create-event';
import { defineEvent } from './event-definition';
import { serializeEvent } from './serialized-event';

describe('serializeEvent', () => {
  it('sends the whole CloudEvent as the value, keyed by aggregate id, with ce_ headers', () => {
    const event = createEvent(SkuDelisted, { skuId: 'sku-7', reason: 'supplier stopped selling it', version: 4 }, { source: '/catalog-sync', id: 'evt-7' });
    expect(serializeEvent(SkuDelisted, event)).toEqual({
      eventId: 'evt-7',
      type: 'supplyhub.catalog.sku-delisted.v1',
      topic: 'supplyhub.catalog.sku.v1',
      key: 'sku-7',
      value: JSON.stringify(event),
      headers: {
        'content-type': 'application/cloudevents+json; charset=UTF-8',
        ce_type: 'supplyhub.catalog.sku-delisted.v1',
        ce_id: 'evt-7',
      },
    });
  });

  it('adds ce_tenantid for tenant-owned events', () => {
    const CaseOpened = defineEvent({
      type: 'supplyhub.test.case-opened.v1',
      topic: 'supplyhub.test.case.v1',
      description: 'test',
      tenantScoped: true,
      schema: z.object({ caseId: z.string() }),
      keyOf: (data) => data.caseId,
    });
    const serialized = serializeEvent(CaseOpened, createEvent(CaseOpened, { caseId: 'c-1' }, { source: '/aftersales', tenantId: 'mall-a' }));
    expect(serialized.headers.ce_tenantid).toBe('mall-a');
    expect(serialized.key).toBe('c-1');
  });

  it('refuses an event of another definition', () => {
    const event = createEvent(SkuDelisted, { skuId: 'sku-7', reason: 'gone', version: 4 }, { source: '/catalog-sync' });
    expect(() => serializeEvent(SkuUpserted as never, event as never)).toThrow('not a supplyhub.catalog.sku-upserted.v1');
  });
});
