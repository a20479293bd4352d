import type { EventDefinition } from '../events/event-definition';

export interface TopicEntry {
  readonly name: string;
  readonly description: string;
  readonly events: readonly EventDefinition[];
}

export interface EventRegistry {
  readonly topics: readonly TopicEntry[];
  readonly events: readonly EventDefinition[];
  topicNames(): string[];
  eventOfType(type: string): EventDefinition | undefined;
}

/**
 * Groups event definitions by topic and checks that the catalogue is consistent: every event is listed
 * under the topic it is published to, and no topic or event type is declared twice.
 */
export function defineRegistry(topics: readonly TopicEntry[]): EventRegistry {
  const byType = new Map<string, EventDefinition>();
  const topicNames = new Set<string>();
  for (const topic of topics) {
    if (topicNames.has(topic.name)) throw new Error(`topic ${topic.name} is registered twice`);
    topicNames.add(topic.name);
    for (const event of topic.events) {
      if (event.topic !== topic.name) {
        throw new Error(`${event.type} is published to ${event.topic} but listed under ${topic.name}`);
      }
      if (byType.has(event.type)) throw new Error(`event type ${event.type} is registered twice`);
      byType.set(event.type, event);
    }
  }
  return {
    topics,
    events: [...byType.values()],
    topicNames: () => [...topicNames],
    eventOfType: (type) => byType.get(type),
  };
}
