import { CaseEscalated, CaseStatusChanged, QualitySignalRaised, ReissueRequested, ReplacementRequested } from '../aftersales/case-events';
import { CodePoolLow, CodesExpired } from '../codes/code-pool-events';
import { IssuanceStatusChanged } from '../codes/issuance-events';
import { BlacklistChanged } from '../catalog/blacklist-changed.event';
import { SelectionPoolChanged } from '../catalog/selection-pool-changed.event';
import { SkuDelisted } from '../catalog/sku-delisted.event';
import { SkuPriceChanged } from '../catalog/sku-price-changed.event';
import { SkuStockChanged } from '../catalog/sku-stock-changed.event';
import { SkuUpserted } from '../catalog/sku-upserted.event';
import { OrderAccepted, OrderCancelled, OrderRouted } from '../orders/order-events';
import { ShipmentRequested, ShipmentSlaFlagged, ShipmentStatusChanged } from '../orders/shipment-events';
import { VirtualLineRequested } from '../orders/virtual-line-events';
import { RefundIssued } from '../refunds/refund-events';
import { TOPICS } from '../topics/topic-names';
import { defineRegistry } from './event-registry';

/**
 * Every topic supply-hub uses and the events on it. Services provision these topics (and their
 * dead-letter topics) at start-up, and docs/asyncapi.yaml is generated from this list. A new event:
 * define it next to its area's other events, list it here, run `node scripts/asyncapi.mjs`.
 */
export const EVENT_REGISTRY = defineRegistry([
  {
    name: TOPICS.catalogSku,
    description: 'The curated catalog, keyed by SKU id: what malls can order, at which price, with how much stock.',
    events: [SkuUpserted, SkuPriceChanged, SkuStockChanged, SkuDelisted],
  },
  {
    name: TOPICS.blacklist,
    description: 'Quality blacklist entries, keyed by entry id: added, removed by staff, expired. SKUs matching an active entry are not sold.',
    events: [BlacklistChanged],
  },
  {
    name: TOPICS.selectionPools,
    description: "Malls' selection pools, keyed by mall id: each saved version, whole. A mall with a pool may see and order only the SKUs in it.",
    events: [SelectionPoolChanged],
  },
  {
    name: TOPICS.orders,
    description: "Malls' orders, keyed by order id: accepted, routed (with the parcels and what was backordered or refused), cancelled.",
    events: [OrderAccepted, OrderRouted, OrderCancelled],
  },
  {
    name: TOPICS.shipments,
    description: 'Parcels, keyed by warehouse id so each warehouse can read its own partition in order: requested, status changes, dispatch-SLA flags.',
    events: [ShipmentRequested, ShipmentStatusChanged, ShipmentSlaFlagged],
  },
  {
    name: TOPICS.virtualLines,
    description: 'Virtual order lines for virtual-codes, keyed by order line (one issuance per line).',
    events: [VirtualLineRequested],
  },
  {
    name: TOPICS.issuances,
    description: "virtual-codes' issuances, keyed by order line: processing, issued, failed. Never the codes themselves.",
    events: [IssuanceStatusChanged],
  },
  {
    name: TOPICS.codePools,
    description: 'Card-code pools, keyed by SKU: low stock, expired codes set aside.',
    events: [CodePoolLow, CodesExpired],
  },
  {
    name: TOPICS.refunds,
    description: 'Refunds owed to malls, keyed by order line: failed issuances and after-sales cases.',
    events: [RefundIssued],
  },
  {
    name: TOPICS.cases,
    description: 'After-sales cases, keyed by case id: every status change with its actor and note, and escalations of cases not answered in time.',
    events: [CaseStatusChanged, CaseEscalated],
  },
  {
    name: TOPICS.replacements,
    description: 'Replacement parcels aftersales asks order-router to route and ship, keyed by the original order id.',
    events: [ReplacementRequested],
  },
  {
    name: TOPICS.reissues,
    description: 'Virtual lines aftersales asks virtual-codes to verify and issue again, keyed by order line.',
    events: [ReissueRequested],
  },
  {
    name: TOPICS.qualitySignals,
    description: 'Confirmed defects, damage, wrong items, quality complaints and invalid codes, keyed by SKU, for catalog quality scores.',
    events: [QualitySignalRaised],
  },
]);
