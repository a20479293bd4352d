import type { OrderDocument } from '@supply-hub/orders-data-access';

/** What the dispatch-SLA report and rate need of an order. */
export type SlaOrder = Pick<OrderDocument, '_id' | 'shipments'>;

/** The reads of the SLA report and rate (OrderStore implements them). */
export interface SlaOrdersSource {
  /** Orders with a parcel whose promise falls in [from, to) (and maybe other parcels: callers pick). */
  withParcelsDue(from: Date, to: Date): Promise<SlaOrder[]>;
  /** Orders with a parcel dispatched at or after `since`. */
  withParcelsDispatchedSince(since: Date): Promise<SlaOrder[]>;
}
