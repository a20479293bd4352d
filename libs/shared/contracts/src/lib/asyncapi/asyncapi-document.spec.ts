import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { EVENT_REGISTRY } from '../registry/supply-hub-events';
import { deadLetterTopicOf } from '../topics/topic-names';
import { ASYNCAPI_DOCUMENT_PATH, buildAsyncApiDocument } from './asyncapi-document';
import { renderAsyncApiYaml } from './asyncapi-yaml';

const repositoryRoot = path.resolve(__dirname, '../../../../../..');

describe('the AsyncAPI document', () => {
  const document = buildAsyncApiDocument(EVENT_REGISTRY);

  it('has a channel per topic and per dead-letter topic, and a message per event type', () => {
    for (const topic of EVENT_REGISTRY.topics) {
      expect(document.channels[topic.name]).toMatchObject({ address: topic.name });
      expect(document.channels[deadLetterTopicOf(topic.name)]).toMatchObject({ address: deadLetterTopicOf(topic.name) });
    }
    for (const event of EVENT_REGISTRY.events) {
      expect(document.components.messages[event.type]).toMatchObject({
        name: event.type,
        payload: { properties: { type: { const: event.type }, data: { type: 'object' } } },
      });
    }
  });

  it('is committed as generated (run `node scripts/asyncapi.mjs` after changing an event)', () => {
    const committed = readFileSync(path.join(repositoryRoot, ASYNCAPI_DOCUMENT_PATH), 'utf8');
    // Compare the data first for a readable diff, then the text so formatting drift is caught too.
    expect(parse(committed)).toEqual(parse(renderAsyncApiYaml(document)));
    expect(committed).toBe(renderAsyncApiYaml(document));
  });
});
