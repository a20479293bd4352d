import type { BreakerState } from '@supply-hub/http-client';
import type { DropShipSupplier } from '@supply-hub/orders-domain';
import { createJdClient, type SupplierClientDependencies } from '@supply-hub/supplier-clients';
import type { DropShipSuppliersConfig } from './config/drop-ship-suppliers-config';
import { JdDropShipSupplier } from './jd/jd-drop-ship-supplier';

/** The configured drop-ship adapters and the HTTP clients behind them (for /health and shutdown). */
export interface DropShipSupplierSet {
  readonly suppliers: readonly DropShipSupplier[];
  /** Breaker state per endpoint, by source id. */
  breakerStates(): Record<string, Record<string, BreakerState>>;
  /** Stops the breakers' timers. */
  close(): void;
}

export function createDropShipSuppliers(config: DropShipSuppliersConfig, dependencies: SupplierClientDependencies = {}): DropShipSupplierSet {
  const built = config.jd.map((entry) => {
    const { client, http } = createJdClient(entry, dependencies);
    return { supplier: new JdDropShipSupplier(entry, client), http };
  });
  return {
    suppliers: built.map((entry) => entry.supplier),
    breakerStates: () => Object.fromEntries(built.map((entry) => [entry.supplier.sourceId, entry.http.breakerStates()])),
    close: () => built.forEach((entry) => entry.http.close()),
  };
}
