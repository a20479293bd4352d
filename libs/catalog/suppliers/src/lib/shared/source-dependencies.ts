import type { SupplierClientDependencies } from '@supply-hub/supplier-clients';

/** What every source factory may be given besides its configuration: injected time, breaker reports. */
export type SourceDependencies = SupplierClientDependencies;
