import { insertMissing, isDuplicateKeyError, updateEachReadingBack } from '@supply-hub/mongo';
import type { Collection, Db } from 'mongodb';

/**
 * Stock per warehouse and SKU: `available` = on hand − reserved, kept as its own field so that a
 * reservation is one conditional update (`available >= qty`), atomic on MongoDB and on patched FerretDB:
 * two routers can never promise the same unit. `_id` is `<warehouseId>:<skuId>` (lookups by `_id`).
 */
export interface WarehouseStockDocument {
  _id: string;
  warehouseId: string;
  skuId: string;
  onHand: number;
  reserved: number;
  available: number;
  /** Bumped by every write, for the compare-and-set of absolute counts. */
  version: number;
  /**
   * The reservations holding units here (`<orderId>:<lineId>:<warehouseId>`), added in the same write that
   * takes the units: whether a reservation happened is read here, so a router that crashed mid-routing
   * can be undone exactly. Removed when the units are released or dispatched.
   */
  holds: string[];
  updatedAt: Date;
}

export interface StockMovement {
  _id: string;
  warehouseId: string;
  skuId: string;
  kind: 'set' | 'adjust' | 'reserve' | 'release' | 'consume';
  quantity: number;
  reason: string;
  ref?: string;
  at: Date;
}

/** Units of one warehouse's SKU held for one reservation. */
export interface StockHold {
  warehouseId: string;
  skuId: string;
  quantity: number;
  holdId: string;
}

export const stockIdOf = (warehouseId: string, skuId: string) => `${warehouseId}:${skuId}`;

export class WarehouseStockStore {
  readonly stock: Collection<WarehouseStockDocument>;
  readonly movements: Collection<StockMovement>;

  constructor(db: Db) {
    this.stock = db.collection<WarehouseStockDocument>('warehouse_stock');
    this.movements = db.collection<StockMovement>('stock_movements');
  }

  async ensureIndexes(): Promise<void> {
    await this.stock.createIndex({ warehouseId: 1, skuId: 1 });
    await this.movements.createIndex({ warehouseId: 1, skuId: 1, at: -1 });
  }

  /** Available units for every warehouse × SKU pair asked, in one read; a pair never stocked has 0. */
  async available(warehouseIds: readonly string[], skuIds: readonly string[]): Promise<Map<string, Map<string, number>>> {
    const ids = warehouseIds.flatMap((warehouseId) => skuIds.map((skuId) => stockIdOf(warehouseId, skuId)));
    const documents = ids.length === 0 ? [] : await this.stock.find({ _id: { $in: ids } }).toArray();
    const result = new Map<string, Map<string, number>>();
    for (const document of documents) {
      let bySku = result.get(document.warehouseId);
      if (!bySku) result.set(document.warehouseId, (bySku = new Map()));
      bySku.set(document.skuId, document.available);
    }
    return result;
  }

  async get(warehouseId: string, skuId: string): Promise<WarehouseStockDocument | null> {
    return this.stock.findOne({ _id: stockIdOf(warehouseId, skuId) });
  }

  /**
   * Takes each hold's units if that many are available: one conditional write per stock row, so two
   * routers never promise the same unit, and a repeated call for the same hold takes nothing more. All of
   * them go in one unordered bulk, their movements in one insert (a reservation's movement is named by its
   * hold, so recording it twice keeps one). Says, per hold, whether it is in place (now or before).
   */
  async reserveAll(holds: readonly StockHold[], at: Date): Promise<boolean[]> {
    // A filter that missed: the row was short, or the hold was in place already (a repeated call).
    const placed = await updateEachReadingBack(
      this.stock,
      holds.map(({ warehouseId, skuId, quantity, holdId }) => ({
        filter: { _id: stockIdOf(warehouseId, skuId), available: { $gte: quantity }, holds: { $ne: holdId } },
        update: { $inc: { available: -quantity, reserved: quantity, version: 1 }, $set: { updatedAt: at }, $push: { holds: holdId } },
      })),
      (row, index) => row?.holds.includes(holds[index]!.holdId) ?? false,
      { holds: 1 },
    );
    await insertMissing(
      this.movements,
      holds
        .filter((_, index) => placed[index])
        .map(({ warehouseId, skuId, quantity, holdId }) =>
          movementOf(`${stockIdOf(warehouseId, skuId)}:reserve:${holdId}`, warehouseId, skuId, 'reserve', quantity, 'routing', holdId, at),
        ),
    );
    return placed;
  }

  /** Gives a hold's units back (a cancelled order, a routing that failed halfway, a rejected parcel); once. */
  async release(warehouseId: string, skuId: string, quantity: number, holdId: string, reason: string, at: Date): Promise<boolean> {
    const result = await this.stock.updateOne(
      { _id: stockIdOf(warehouseId, skuId), holds: holdId },
      { $inc: { available: quantity, reserved: -quantity, version: 1 }, $set: { updatedAt: at }, $pull: { holds: holdId } },
    );
    if (result.matchedCount !== 1) return false;
    await this.record(warehouseId, skuId, 'release', quantity, reason, holdId, at);
    return true;
  }

  /** A hold's units left the building (dispatch): on hand and reserved both drop; once. */
  async consume(warehouseId: string, skuId: string, quantity: number, holdId: string, at: Date): Promise<boolean> {
    const result = await this.stock.updateOne(
      { _id: stockIdOf(warehouseId, skuId), holds: holdId },
      { $inc: { onHand: -quantity, reserved: -quantity, version: 1 }, $set: { updatedAt: at }, $pull: { holds: holdId } },
    );
    if (result.matchedCount !== 1) return false;
    await this.record(warehouseId, skuId, 'consume', quantity, 'dispatched', holdId, at);
    return true;
  }

  /**
   * A warehouse's count: sets on hand to `onHand` (reserved units stay reserved). Refused (false) when the
   * count is below what is reserved: those units are promised to orders already.
   */
  async setOnHand(
    warehouseId: string,
    skuId: string,
    onHand: number,
    reason: string,
    at: Date,
  ): Promise<{ ok: boolean; document: WarehouseStockDocument | null }> {
    const _id = stockIdOf(warehouseId, skuId);
    for (let attempt = 0; attempt < 10; attempt++) {
      const current = await this.stock.findOne({ _id });
      if (!current) {
        try {
          const document: WarehouseStockDocument = { _id, warehouseId, skuId, onHand, reserved: 0, available: onHand, version: 1, holds: [], updatedAt: at };
          await this.stock.insertOne(document);
          await this.record(warehouseId, skuId, 'set', onHand, reason, undefined, at);
          return { ok: true, document };
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
          continue;
        }
      }
      if (onHand < current.reserved) return { ok: false, document: current };
      const next = { onHand, available: onHand - current.reserved, version: current.version + 1, updatedAt: at };
      const result = await this.stock.updateOne({ _id, version: current.version }, { $set: next });
      if (result.matchedCount === 1) {
        await this.record(warehouseId, skuId, 'set', onHand, reason, undefined, at);
        return { ok: true, document: { ...current, ...next } };
      }
    }
    throw new Error(`stock ${_id} keeps changing; try the count again`);
  }

  /** Adds (or, negative, removes) units on hand; refused when it would take available below zero. */
  async adjust(warehouseId: string, skuId: string, delta: number, reason: string, at: Date): Promise<{ ok: boolean; document: WarehouseStockDocument | null }> {
    const _id = stockIdOf(warehouseId, skuId);
    if (delta >= 0) {
      await this.ensure(warehouseId, skuId, at);
    }
    const filter = delta >= 0 ? { _id } : { _id, available: { $gte: -delta } };
    const result = await this.stock.findOneAndUpdate(
      filter,
      { $inc: { onHand: delta, available: delta, version: 1 }, $set: { updatedAt: at } },
      { returnDocument: 'after' },
    );
    if (!result) return { ok: false, document: await this.stock.findOne({ _id }) };
    await this.record(warehouseId, skuId, 'adjust', delta, reason, undefined, at);
    return { ok: true, document: result };
  }

  private async ensure(warehouseId: string, skuId: string, at: Date): Promise<void> {
    try {
      await this.stock.insertOne({
        _id: stockIdOf(warehouseId, skuId),
        warehouseId,
        skuId,
        onHand: 0,
        reserved: 0,
        available: 0,
        version: 0,
        holds: [],
        updatedAt: at,
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  private async record(
    warehouseId: string,
    skuId: string,
    kind: StockMovement['kind'],
    quantity: number,
    reason: string,
    ref: string | undefined,
    at: Date,
  ): Promise<void> {
    const _id = `${stockIdOf(warehouseId, skuId)}:${at.getTime()}:${Math.random().toString(36).slice(2, 10)}`;
    await this.movements.insertOne(movementOf(_id, warehouseId, skuId, kind, quantity, reason, ref, at));
  }
}

function movementOf(
  _id: string,
  warehouseId: string,
  skuId: string,
  kind: StockMovement['kind'],
  quantity: number,
  reason: string,
  ref: string | undefined,
  at: Date,
): StockMovement {
  return { _id, warehouseId, skuId, kind, quantity, reason, ...(ref ? { ref } : {}), at };
}
