import { z } from 'zod';
import { defineEvent } from './event-definition';

const spec = {
  type: 'supplyhub.test.thing-happened.v1',
  topic: 'supplyhub.test.thing.v1',
  description: 'test',
  tenantScoped: false,
  schema: z.object({ thingId: z.string() }),
  keyOf: (data: { thingId: string }) => data.thingId,
};

describe('defineEvent', () => {
  it('accepts supplyhub.<area>.<event>.v<N>', () => {
    expect(defineEvent(spec).type).toBe('supplyhub.test.thing-happened.v1');
    expect(defineEvent({ ...spec, type: 'supplyhub.order-router.shipment-dispatched.v12' }).type).toBe('supplyhub.order-router.shipment-dispatched.v12');
  });

  it.each([
    'supplyhub.test.thing-happened',
    'supplyhub.test.ThingHappened.v1',
    'acme.test.thing-happened.v1',
    'supplyhub.test.thing-happened.v0',
    'supplyhub.thing-happened.v1',
  ])('rejects the type name %s', (type) => {
    expect(() => defineEvent({ ...spec, type })).toThrow('must be named supplyhub.<area>.<event>.v<N>');
  });

  it('rejects a topic name Kafka would refuse', () => {
    expect(() => defineEvent({ ...spec, topic: 'supplyhub/test' })).toThrow('not a valid Kafka topic name');
  });

  it('derives the message key from the data', () => {
    expect(defineEvent(spec).keyOf({ thingId: 't-9' })).toBe('t-9');
  });
});
