import { isDuplicateKeyError } from '@supply-hub/mongo';
import type { Collection, Db } from 'mongodb';

interface CapacityDocument {
  _id: string;
  warehouseId: string;
  day: string;
  /** Parcels still possible that day; taking one is a conditional decrement. */
  left: number;
}

/** Parcels a warehouse can still dispatch per day (its daily capacity), booked one at a time, atomically. */
export class WarehouseCapacityStore {
  private readonly days: Collection<CapacityDocument>;

  constructor(db: Db) {
    this.days = db.collection<CapacityDocument>('warehouse_capacity');
  }

  /** Parcels left on `day` per warehouse; a day nobody booked yet is missing (its whole capacity is left). */
  async left(warehouseIds: readonly string[], day: string): Promise<Map<string, number>> {
    const documents = await this.days.find({ _id: { $in: warehouseIds.map((id) => `${id}:${day}`) } }).toArray();
    return new Map(documents.map((document) => [document.warehouseId, document.left]));
  }

  /**
   * Books one parcel; false when the day is full. The day's document is created by its first booking:
   * every later booking is the conditional decrement alone (no insert attempt that fails on the duplicate).
   */
  async take(warehouseId: string, day: string, dailyCapacity: number): Promise<boolean> {
    const _id = `${warehouseId}:${day}`;
    const decrement = async () => (await this.days.updateOne({ _id, left: { $gte: 1 } }, { $inc: { left: -1 } })).matchedCount === 1;
    if (await decrement()) return true;
    try {
      await this.days.insertOne({ _id, warehouseId, day, left: dailyCapacity });
    } catch (error) {
      // Full, or another router created the day meanwhile: the decrement below says which.
      if (!isDuplicateKeyError(error)) throw error;
    }
    return decrement();
  }

  async giveBack(warehouseId: string, day: string): Promise<void> {
    await this.days.updateOne({ _id: `${warehouseId}:${day}` }, { $inc: { left: 1 } });
  }
}
