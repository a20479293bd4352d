import { createEvent, SkuDelisted, SkuUpserted } from '@supply-hub/contracts';
import type { Kafka, ProducerBatch, ProducerConfig, ProducerRecord } from 'kafkajs';
import { KafkaEventPublisher } from './kafka-event-publisher';

function fakeKafka() {
  const sent: { batches: ProducerBatch[]; records: ProducerRecord[]; config?: ProducerConfig } = { batches: [], records: [] };
  const kafka = {
    producer: (config: ProducerConfig) => {
      sent.config = config;
      return {
        connect: async () => undefined,
        disconnect: async () => undefined,
        sendBatch: async (batch: ProducerBatch) => void sent.batches.push(batch),
        send: async (record: ProducerRecord) => void sent.records.push(record),
      };
    },
  } as unknown as Kafka;
  return { kafka, sent };
}

describe('KafkaEventPublisher', () => {
  it('uses an idempotent producer: one request in flight, no topic auto-creation', () => {
    const { kafka, sent } = fakeKafka();
    new KafkaEventPublisher(kafka);
    expect(sent.config).toMatchObject({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  });

  it('sends events in structured mode with acks=all, keyed by aggregate id, in order per topic', async () => {
    const { kafka, sent } = fakeKafka();
    const publisher = new KafkaEventPublisher(kafka);
    const upserted = createEvent(
      SkuUpserted,
      { skuId: 'sku-1', title: 't', categoryFamily: 'coupon', contractPriceFen: 1, supplyPriceFen: 1, marketPriceFen: 2, stock: 3, sellable: true, version: 1 },
      { source: '/catalog-sync' },
    );
    const delisted = createEvent(SkuDelisted, { skuId: 'sku-1', reason: 'expired', version: 2 }, { source: '/catalog-sync' });
    await publisher.publish(SkuUpserted, upserted);
    await publisher.publishSerialized([]);
    expect(sent.batches).toEqual([
      {
        acks: -1,
        topicMessages: [
          {
            topic: 'supplyhub.catalog.sku.v1',
            messages: [
              {
                key: 'sku-1',
                value: JSON.stringify(upserted),
                headers: { 'content-type': 'application/cloudevents+json; charset=UTF-8', ce_type: SkuUpserted.type, ce_id: upserted.id },
              },
            ],
          },
        ],
      },
    ]);
    await publisher.publish(SkuDelisted, delisted);
    expect(sent.batches[1].topicMessages![0].messages[0]).toMatchObject({ key: 'sku-1', headers: { ce_type: SkuDelisted.type } });
  });

  it('sends raw messages (dead letters) as given, with acks=all', async () => {
    const { kafka, sent } = fakeKafka();
    await new KafkaEventPublisher(kafka).sendMessages('t.dlq', [{ key: null, value: Buffer.from('x'), headers: { a: 'b' } }]);
    expect(sent.records).toEqual([{ topic: 't.dlq', acks: -1, messages: [{ key: null, value: Buffer.from('x'), headers: { a: 'b' } }] }]);
  });
});
