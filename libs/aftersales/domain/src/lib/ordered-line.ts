/**
 * What aftersales knows of an order line, built from order-router's and virtual-codes' events: what was
 * ordered, which parcels carried it and whether they arrived, whether a virtual line was issued, and the
 * units other cases already claim.
 */
export interface OrderedLine {
  tenantId: string;
  orderId: string;
  mallOrderId: string;
  lineId: string;
  skuId: string;
  kind: 'physical' | 'virtual';
  quantity: number;
  unitPriceFen?: number;
  /** The destination's city (GB/T 2260): a return goes to the warehouse nearest to it. */
  cityCode: string;
  /** Set when the order is a replacement an earlier case asked for. */
  replacementFor?: string;
  /** The parcels carrying units of this line. */
  parcels: LineParcel[];
  /** When virtual-codes issued a virtual line. */
  issuedAt?: Date;
  /** Units of this line held by open or upheld cases (a rejected or withdrawn case gives its units back). */
  claims: LineClaim[];
}

export interface LineParcel {
  shipmentId: string;
  quantity: number;
  warehouseId?: string;
  supplierSourceId?: string;
  deliveredAt?: Date;
}

export interface LineClaim {
  caseId: string;
  quantity: number;
  at: Date;
}

/** Units that reached the member: delivered parcels' units, or the whole line once issued (virtual). */
export function deliveredQuantity(line: OrderedLine): number {
  if (line.kind === 'virtual') return line.issuedAt ? line.quantity : 0;
  return Math.min(
    line.quantity,
    line.parcels.filter((parcel) => parcel.deliveredAt).reduce((sum, parcel) => sum + parcel.quantity, 0),
  );
}

/** When the last delivered unit arrived (the window runs from there), or undefined. */
export function deliveredAt(line: OrderedLine): Date | undefined {
  if (line.kind === 'virtual') return line.issuedAt;
  const times = line.parcels.flatMap((parcel) => (parcel.deliveredAt ? [parcel.deliveredAt.getTime()] : []));
  return times.length === 0 ? undefined : new Date(Math.max(...times));
}

/** Units still open to a new case: delivered minus what other cases claim. */
export function claimableQuantity(line: OrderedLine, exceptCaseId?: string): number {
  const claimed = line.claims.filter((claim) => claim.caseId !== exceptCaseId).reduce((sum, claim) => sum + claim.quantity, 0);
  return Math.max(0, deliveredQuantity(line) - claimed);
}

/** Where the line's units came from, for quality signals: the first delivered parcel's warehouse or supplier. */
export function originOf(line: OrderedLine): { warehouseId?: string; supplierSourceId?: string } {
  const parcel = line.parcels.find((candidate) => candidate.deliveredAt) ?? line.parcels[0];
  if (!parcel) return {};
  return {
    ...(parcel.warehouseId ? { warehouseId: parcel.warehouseId } : {}),
    ...(parcel.supplierSourceId ? { supplierSourceId: parcel.supplierSourceId } : {}),
  };
}
