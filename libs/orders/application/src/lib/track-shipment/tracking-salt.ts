import { createHmac } from 'node:crypto';

/**
 * The salt a shipment's subscription gives the carrier, who signs every push with it. Derived from a
 * secret and the shipment id (HMAC-SHA256, 64 hex characters: the most the protocol takes), so it is
 * never stored and a push signed for one parcel is worthless for another.
 */
export function trackingSaltOf(callbackSecret: string, shipmentId: string): string {
  return createHmac('sha256', callbackSecret).update(`carrier-callback:${shipmentId}`, 'utf8').digest('hex');
}
