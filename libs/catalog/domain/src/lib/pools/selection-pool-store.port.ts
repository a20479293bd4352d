import type { SerializedEvent } from '@supply-hub/contracts';
import type { SelectionPool, SelectionPoolDefinition } from './selection-pool';

/** Where selection pools are kept: one per mall, few in all (the catalog reads them all into memory). */
export interface SelectionPoolStore {
  get(mallId: string): Promise<SelectionPool | null>;
  all(): Promise<SelectionPool[]>;
  /**
   * Replaces the mall's pool in one write (creating it), together with the events `eventsOf` makes of
   * the new version (order-router's copy follows them), returning the pool it replaced and the new one.
   */
  save(
    mallId: string,
    definition: SelectionPoolDefinition,
    by: string,
    at: Date,
    eventsOf: (after: SelectionPool) => readonly SerializedEvent[],
  ): Promise<{ before: SelectionPool | null; after: SelectionPool }>;
}
