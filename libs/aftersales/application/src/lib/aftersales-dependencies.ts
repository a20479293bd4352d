import type { CasePolicy } from '@supply-hub/aftersales-domain';
import type { CaseStore, OrderedLineStore } from '@supply-hub/aftersales-data-access';
import type { Warehouse } from '@supply-hub/warehouses';

/** Time, injected: tests move it (response promises, windows) without waiting. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What the use cases share; the app builds it once. */
export interface AftersalesDependencies {
  cases: CaseStore;
  lines: OrderedLineStore;
  policy: CasePolicy;
  /** Where return parcels go: the nearest active one to the member, by the routing's distance rule. */
  warehouses: readonly Warehouse[];
  clock: Clock;
}
