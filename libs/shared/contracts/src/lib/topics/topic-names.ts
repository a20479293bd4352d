/**
 * Kafka topics, one per aggregate kind, versioned like the events on them: a breaking change to a
 * topic's partitioning or key gets a new topic, not a new meaning for an old one.
 * `supplyhub.<area>.<aggregate>.v<N>`.
 */
export const TOPICS = {
  catalogSku: 'supplyhub.catalog.sku.v1',
  /** Quality blacklist entries (added, removed, expired), keyed by entry id. */
  blacklist: 'supplyhub.catalog.blacklist.v1',
  /** Malls' selection pools (saved versions), keyed by mall id. */
  selectionPools: 'supplyhub.catalog.selection-pool.v1',
  /** Malls' orders, keyed by order id. */
  orders: 'supplyhub.orders.order.v1',
  /** Parcels, keyed by warehouse id, so a warehouse's shipments keep their order on one partition. */
  shipments: 'supplyhub.orders.shipment.v1',
  /** Virtual order lines for virtual-codes, keyed by `<orderId>:<lineId>` (one issuance per line). */
  virtualLines: 'supplyhub.orders.virtual-line.v1',
  /** virtual-codes' issuances, keyed by `<orderId>:<lineId>` like the lines they answer. */
  issuances: 'supplyhub.codes.issuance.v1',
  /** Code pools, keyed by SKU id: low stock, codes set aside as expired. */
  codePools: 'supplyhub.codes.pool.v1',
  /** Refunds owed to malls, keyed by `<orderId>:<lineId>`. */
  refunds: 'supplyhub.refunds.refund.v1',
  /** After-sales cases, keyed by case id: status changes, escalations. */
  cases: 'supplyhub.aftersales.case.v1',
  /** Replacement parcels aftersales asks order-router for, keyed by the original order id. */
  replacements: 'supplyhub.aftersales.replacement.v1',
  /** Reissues aftersales asks virtual-codes for, keyed by `<orderId>:<lineId>` like the issuance. */
  reissues: 'supplyhub.aftersales.reissue.v1',
  /** Quality signals for catalog curation, keyed by SKU id. */
  qualitySignals: 'supplyhub.aftersales.quality-signal.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export const TOPIC_NAME_PATTERN = /^supplyhub\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v[1-9][0-9]*$/;

const DEAD_LETTER_SUFFIX = '.dlq';

/**
 * Where a consumer parks the messages of `topic` it cannot process. One dead-letter topic per source
 * topic, shared by all consumer groups; each dead letter names its group in a header.
 */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}${DEAD_LETTER_SUFFIX}`;
}

export function isDeadLetterTopic(topic: string): boolean {
  return topic.endsWith(DEAD_LETTER_SUFFIX);
}
