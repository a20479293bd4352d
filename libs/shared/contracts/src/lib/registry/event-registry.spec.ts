import { z } from 'zod';
import { SkuDelisted } from '../catalog/sku-delisted.event';
import { SkuUpserted } from '../catalog/sku-upserted.event';
import { defineEvent } from '../events/event-definition';
import { deadLetterTopicOf, TOPIC_NAME_PATTERN, TOPICS } from '../topics/topic-names';
import { defineRegistry } from './event-registry';
import { EVENT_REGISTRY } from './supply-hub-events';

const thing = (type: string, topic: string) =>
  defineEvent({ type, topic, description: 'test', tenantScoped: false, schema: z.object({ id: z.string() }), keyOf: (data) => data.id });

describe('the supply-hub event registry', () => {
  it('lists the catalog SKU events on the versioned SKU topic', () => {
    expect(EVENT_REGISTRY.topicNames()).toContain('supplyhub.catalog.sku.v1');
    expect(EVENT_REGISTRY.eventOfType('supplyhub.catalog.sku-upserted.v1')).toBe(SkuUpserted);
    expect(EVENT_REGISTRY.eventOfType('supplyhub.catalog.sku-delisted.v1')).toBe(SkuDelisted);
    expect(EVENT_REGISTRY.eventOfType('supplyhub.catalog.unknown.v1')).toBeUndefined();
  });

  it('names every topic supplyhub.<area>.<aggregate>.v<N> and describes it', () => {
    for (const topic of EVENT_REGISTRY.topics) {
      expect(topic.name).toMatch(TOPIC_NAME_PATTERN);
      expect(topic.description.length).toBeGreaterThan(10);
      expect(topic.events.length).toBeGreaterThan(0);
    }
    expect(Object.values(TOPICS).sort()).toEqual(EVENT_REGISTRY.topicNames().sort());
  });

  it('has a description for every event type', () => {
    for (const event of EVENT_REGISTRY.events) expect(event.description.length).toBeGreaterThan(10);
  });

  it('names dead-letter topics after their source topic', () => {
    expect(deadLetterTopicOf(TOPICS.catalogSku)).toBe('supplyhub.catalog.sku.v1.dlq');
  });
});

describe('defineRegistry', () => {
  it('refuses an event listed under a topic it is not published to', () => {
    expect(() => defineRegistry([{ name: 'supplyhub.test.a.v1', description: 'a', events: [thing('supplyhub.test.x.v1', 'supplyhub.test.b.v1')] }])).toThrow(
      'supplyhub.test.x.v1 is published to supplyhub.test.b.v1 but listed under supplyhub.test.a.v1',
    );
  });

  it('refuses duplicate topics and event types', () => {
    const event = thing('supplyhub.test.x.v1', 'supplyhub.test.a.v1');
    expect(() => defineRegistry([{ name: 'supplyhub.test.a.v1', description: 'a', events: [event, event] }])).toThrow('registered twice');
    expect(() =>
      defineRegistry([
        { name: 'supplyhub.test.a.v1', description: 'a', events: [] },
        { name: 'supplyhub.test.a.v1', description: 'a', events: [] },
      ]),
    ).toThrow('topic supplyhub.test.a.v1 is registered twice');
  });
});
