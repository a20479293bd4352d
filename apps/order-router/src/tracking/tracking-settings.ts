import { createHmac } from 'node:crypto';
import type { OrderRouterEnv } from '../config/order-router-env';

/** The route the carrier pushes a parcel's tracking to: POST /carrier/callback/:shipmentId. */
export const CARRIER_CALLBACK_ROUTE = 'carrier/callback';

/** The carrier tracking settings, resolved from CARRIER_* (README.md lists them). */
export interface TrackingSettings {
  /** The carrier's subscribe endpoint. */
  subscribeUrl: string;
  /** Our subscriber key at the carrier. */
  key: string;
  /** The key of the per-shipment salts. */
  callbackSecret: string;
  /** Where the carrier pushes one parcel's tracking. */
  callbackUrl(shipmentId: string): string;
}

/**
 * CARRIER_* as the tracking providers use them. `listeningPort` is asked each time a URL is built: with
 * no CARRIER_CALLBACK_BASE_URL the callback is this instance's own loopback address, and the port is only
 * known once the server listens (tests listen on a free one).
 */
export function trackingSettingsOf(config: OrderRouterEnv, listeningPort: () => number | undefined): TrackingSettings {
  return {
    subscribeUrl: config.CARRIER_API_URL,
    key: config.CARRIER_KEY,
    // Unset, the salts still need a secret no carrier or mall knows: one derived from the staff token key.
    callbackSecret:
      config.CARRIER_CALLBACK_SECRET ?? createHmac('sha256', config.STAFF_TOKEN_SECRET).update('supply-hub carrier callback secret').digest('hex'),
    callbackUrl: (shipmentId) => carrierCallbackUrl(config.CARRIER_CALLBACK_BASE_URL ?? `http://127.0.0.1:${listeningPort() ?? config.PORT}`, shipmentId),
  };
}

export function carrierCallbackUrl(baseUrl: string, shipmentId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${CARRIER_CALLBACK_ROUTE}/${encodeURIComponent(shipmentId)}`;
}
