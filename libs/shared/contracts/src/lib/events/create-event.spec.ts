import { ValidationError } from '@supply-hub/errors';
import { z } from 'zod';
import { SkuUpserted, type SkuUpsertedData } from '../catalog/sku-upserted.event';
import { createEvent, parseEnvelope, parseEvent } from './create-event';
import { defineEvent } from './event-definition';

const sku: SkuUpsertedData = {
  skuId: 'sku-1',
  title: '小米手环 9',
  brand: 'Xiaomi',
  categoryFamily: 'physical',
  contractPriceFen: 19900,
  supplyPriceFen: 19900,
  marketPriceFen: 24900,
  stock: 12,
  sellable: true,
  version: 3,
};

// A tenant-owned event, as the order events will be.
const OrderNoted = defineEvent({
  type: 'supplyhub.test.order-noted.v1',
  topic: 'supplyhub.test.order.v1',
  description: 'test',
  tenantScoped: true,
  schema: z.object({ orderId: z.string() }),
  keyOf: (data) => data.orderId,
});

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues;
  }
  throw new Error('expected a ValidationError');
}

describe('createEvent', () => {
  it('builds a CloudEvents 1.0 envelope whose subject is the aggregate id', () => {
    const event = createEvent(SkuUpserted, sku, { source: '/catalog-sync', time: new Date('2025-01-02T03:04:05.000Z') });
    expect(event).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      source: '/catalog-sync',
      type: 'supplyhub.catalog.sku-upserted.v1',
      specversion: '1.0',
      time: '2025-01-02T03:04:05.000Z',
      subject: 'sku-1',
      datacontenttype: 'application/json',
      data: sku,
    });
    expect(event).not.toHaveProperty('tenantid');
  });

  it('keeps a given id and subject', () => {
    const event = createEvent(SkuUpserted, sku, { source: '/catalog-sync', id: 'evt-1', subject: 'custom' });
    expect(event.id).toBe('evt-1');
    expect(event.subject).toBe('custom');
  });

  it('reports every invalid field of the data with its path', () => {
    const bad = { ...sku, supplyPriceFen: 199.5, categoryFamily: '实物', stock: -1 } as unknown as SkuUpsertedData;
    const issues = issuesOf(() => createEvent(SkuUpserted, bad, { source: '/catalog-sync' }));
    expect(issues.map((issue) => issue.path).sort()).toEqual(['data.categoryFamily', 'data.stock', 'data.supplyPriceFen']);
  });

  it('requires a tenant id on tenant-scoped events and refuses one on the others', () => {
    expect(issuesOf(() => createEvent(OrderNoted, { orderId: 'o-1' }, { source: '/order-router' }))).toEqual([
      { path: 'tenantid', message: 'required: this event belongs to a tenant' },
    ]);
    expect(createEvent(OrderNoted, { orderId: 'o-1' }, { source: '/order-router', tenantId: 'mall-a' }).tenantid).toBe('mall-a');
    expect(issuesOf(() => createEvent(SkuUpserted, sku, { source: '/catalog-sync', tenantId: 'mall-a' }))).toEqual([
      { path: 'tenantid', message: 'must be absent: this event does not belong to a tenant' },
    ]);
  });

  it('drops data fields the schema does not know', () => {
    const event = createEvent(SkuUpserted, { ...sku, internalNote: 'x' } as SkuUpsertedData, { source: '/catalog-sync' });
    expect(event.data).not.toHaveProperty('internalNote');
  });
});

describe('parseEvent', () => {
  // A fixed time: two wall-clock readings may fall in different milliseconds.
  const created = () => createEvent(SkuUpserted, sku, { source: '/catalog-sync', id: 'evt-1', time: '2026-11-22T12:00:00.000Z' });
  const wire = () => JSON.parse(JSON.stringify(created()));

  it('accepts what createEvent produced', () => {
    expect(parseEvent(SkuUpserted, wire())).toEqual(created());
  });

  it('rejects another event type', () => {
    const issues = issuesOf(() => parseEvent(SkuUpserted, { ...wire(), type: 'supplyhub.catalog.sku-delisted.v1' }));
    expect(issues.map((issue) => issue.path)).toEqual(['type']);
  });

  it('rejects invalid data and a broken envelope', () => {
    expect(issuesOf(() => parseEvent(SkuUpserted, { ...wire(), data: { ...sku, sellable: 'yes' } })).map((issue) => issue.path)).toEqual(['data.sellable']);
    expect(
      issuesOf(() => parseEvent(SkuUpserted, { ...wire(), specversion: '0.3', time: 'yesterday' }))
        .map((issue) => issue.path)
        .sort(),
    ).toEqual(['specversion', 'time']);
    expect(() => parseEvent(SkuUpserted, 'not an object')).toThrow(ValidationError);
  });

  it('applies the tenant rule on the way in too', () => {
    expect(issuesOf(() => parseEvent(SkuUpserted, { ...wire(), tenantid: 'mall-a' })).map((issue) => issue.path)).toEqual(['tenantid']);
  });
});

describe('parseEnvelope', () => {
  it('checks the envelope and leaves data alone', () => {
    const envelope = parseEnvelope({ ...createEvent(SkuUpserted, sku, { source: '/s' }), data: { anything: true } });
    expect(envelope.data).toEqual({ anything: true });
    expect(() => parseEnvelope({ id: 'x' })).toThrow(ValidationError);
  });

  it('rejects type names outside the naming scheme', () => {
    const issues = issuesOf(() => parseEnvelope({ ...createEvent(SkuUpserted, sku, { source: '/s' }), type: 'SkuUpserted' }));
    expect(issues).toEqual([{ path: 'type', message: 'must be supplyhub.<area>.<event>.v<N>' }]);
  });
});
