import { createHash } from 'node:crypto';

/**
 * The supply-hub order id of a mall's order: derived from the mall and its own order id, so that the
 * same order placed twice (a retry, two instances) lands on the same document and the unique `_id`
 * makes intake idempotent without a lookup first.
 */
export function orderIdFor(tenantId: string, mallOrderId: string): string {
  return `ord_${createHash('sha256').update(`${tenantId}\u0000${mallOrderId}`, 'utf8').digest('hex').slice(0, 20)}`;
}

export function shipmentIdFor(orderId: string, parcel: number): string {
  return `${orderId.replace(/^ord_/, 'shp_')}-${parcel}`;
}
