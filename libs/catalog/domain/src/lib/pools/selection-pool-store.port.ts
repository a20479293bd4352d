import type { SelectionPool, SelectionPoolDefinition } from './selection-pool';

/** Where selection pools are kept: one per mall, few in all (the catalog reads them all into memory). */
export interface SelectionPoolStore {
  get(mallId: string): Promise<SelectionPool | null>;
  all(): Promise<SelectionPool[]>;
  /** Replaces the mall's pool in one write (creating it), returning the pool it replaced and the new one. */
  save(mallId: string, definition: SelectionPoolDefinition, by: string, at: Date): Promise<{ before: SelectionPool | null; after: SelectionPool }>;
}
