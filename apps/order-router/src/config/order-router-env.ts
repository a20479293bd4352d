import { envTypes, SERVICES, serviceEnvSchema } from '@supply-hub/config';
import { parseWarehousesConfig } from '@supply-hub/orders-domain';
import { parseDropShipSuppliersConfig } from '@supply-hub/orders-suppliers';
import { webhookEnvShape } from '@supply-hub/platform';
import { CARRIER_SUBSCRIBE_PATH } from '@supply-hub/supplier-protocols';
import { z } from 'zod';

/** Every setting order-router reads, validated at start-up (README.md lists them). */
export const orderRouterEnv = serviceEnvSchema(SERVICES['order-router'])
  .extend(webhookEnvShape)
  .extend({
    /**
     * The warehouses as JSON (`{ "warehouses": [ … ] }`, see @supply-hub/orders-domain warehouses-config);
     * unset, the six default ones (北京, 上海, 广州, 武汉, 成都, 西安). A bad entry stops the start naming its field.
     */
    WAREHOUSES: envTypes.parsed(parseWarehousesConfig),
    /** A routing, reroute, cancel or dispatch unfinished for this long belongs to a dead process: recovery finishes it. */
    ROUTING_RECOVERY_AFTER_MS: envTypes.integer({ min: 1_000, max: 3_600_000, fallback: 30_000 }),
    /** How often this instance looks for such leftovers and for shipments past their deadlines. */
    ROUTING_SWEEP_INTERVAL_MS: envTypes.integer({ min: 100, max: 3_600_000, fallback: 10_000 }),
    /**
     * How often the deadline sweep (acceptance timeouts, 36 h / 48 h flags) runs: its deadlines are hours
     * apart, and on FerretDB each pass scans the open orders, so it runs less often than recovery.
     */
    DEADLINE_SWEEP_INTERVAL_MS: envTypes.integer({ min: 100, max: 3_600_000, fallback: 60_000 }),
    /** A parcel no warehouse accepted within this time goes to the next best warehouse. */
    SHIPMENT_ACCEPT_TIMEOUT_MS: envTypes.integer({ min: 1_000, max: 7 * 24 * 3_600_000, fallback: 4 * 3_600_000 }),
    /** At 48 h without dispatch: `reroute` the parcel to the next best warehouse, or only `escalate` (flag and event). */
    SLA_BREACH_POLICY: z.enum(['reroute', 'escalate']).default('escalate'),
    /** How often an instance re-reads the blacklist entries it keeps from the collection; events keep it current in between. */
    BLACKLIST_RELOAD_INTERVAL_MS: envTypes.integer({ min: 1_000, max: 3_600_000, fallback: 60_000 }),
    /** How often an instance re-reads the malls' selection pools it keeps from the collection; events keep it current in between. */
    POOL_RELOAD_INTERVAL_MS: envTypes.integer({ min: 1_000, max: 3_600_000, fallback: 60_000 }),
    /** Run the recovery and deadline sweeps in this instance. */
    ROUTING_SWEEPS: envTypes.boolean(true),
    // Carrier tracking (快递100-style subscription and pushes).
    /** The carrier's subscribe endpoint (form POST); by default the local supplier-sim carrier sandbox. */
    CARRIER_API_URL: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
      .default(`http://127.0.0.1:${SERVICES['supplier-sim'].port}/carrier/${CARRIER_SUBSCRIBE_PATH}`),
    /** The subscriber key the carrier gave us (the sandbox's development key by default). */
    CARRIER_KEY: z.string().min(1, 'must not be empty').default('sandbox-key'),
    /** This service as the carrier reaches it: pushes go to <this>/carrier/callback/<shipmentId>. Unset: http://127.0.0.1:<the port this instance listens on>. */
    CARRIER_CALLBACK_BASE_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
    /** Key of the per-shipment push salts (HMAC of the shipment id); unset: derived from STAFF_TOKEN_SECRET. Changing it voids the signatures of every live subscription. */
    CARRIER_CALLBACK_SECRET: envTypes.secret(32).optional(),
    /** Run the sweep that subscribes dispatched parcels whose subscription failed or was given up by the carrier. */
    CARRIER_TRACKING_SWEEP: envTypes.boolean(true),
    CARRIER_TRACKING_SWEEP_INTERVAL_MS: envTypes.integer({ min: 100, max: 24 * 3_600_000, fallback: 60_000 }),
    // Drop-ship (一件代发) through the suppliers' adapters (JD today).
    /**
     * The suppliers as JSON: the same document as catalog-sync's SUPPLIER_SOURCES (see @supply-hub/catalog-suppliers);
     * its `kind: "jd"` entries are the JD accounts drop-ship parcels are ordered from, other kinds are ignored.
     * Unset: the local JD sandbox at SUPPLIER_SIM_URL. A bad JD entry stops the start naming its field.
     */
    SUPPLIER_SOURCES: envTypes.parsed(parseDropShipSuppliersConfig),
    SUPPLIER_SIM_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).default(`http://127.0.0.1:${SERVICES['supplier-sim'].port}`),
    /** Run the drop-ship poller in this instance: suppliers' order updates, tracks, and parcels to submit again. */
    DROP_SHIP_POLLER: envTypes.boolean(true),
    DROP_SHIP_POLL_INTERVAL_MS: envTypes.integer({ min: 100, max: 3_600_000, fallback: 30_000 }),
    /** A drop-ship parcel still waiting for its supplier this long after it was requested is submitted again (same thirdOrder, looked up first). */
    DROP_SHIP_RESUBMIT_AFTER_MS: envTypes.integer({ min: 0, max: 24 * 3_600_000, fallback: 60_000 }),
  });

export type OrderRouterEnv = z.output<typeof orderRouterEnv>;
