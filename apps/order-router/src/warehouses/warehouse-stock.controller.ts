import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError, NotFoundError } from '@supply-hub/errors';
import { ApiProblemResponses, CurrentWarehouse, WarehouseAuth } from '@supply-hub/http';
import { type Clock } from '@supply-hub/orders-application';
import { type WarehouseStockDocument, WarehouseStockStore } from '@supply-hub/orders-data-access';
import type { Warehouse } from '@supply-hub/orders-domain';
import { ORDER_CLOCK, WAREHOUSES } from '../orders/orders.tokens';
import { requireConfiguredWarehouse } from './warehouse-access';
import { skuParamSchema, stockAdjustmentSchema, stockCountSchema } from './warehouses.dto';

/** A warehouse's own stock: counts (absolute) and movements (deltas), each with its reason. */
@ApiTags('warehouse')
@WarehouseAuth()
@Controller('warehouse/stock')
export class WarehouseStockController {
  constructor(
    private readonly stock: WarehouseStockStore,
    @Inject(WAREHOUSES) private readonly warehouses: readonly Warehouse[],
    @Inject(ORDER_CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':skuId')
  @ApiOperation({ summary: 'On hand, reserved (promised to orders) and available units of one SKU here' })
  @ApiProblemResponses(404)
  async get(@CurrentWarehouse() warehouseId: string, @Param('skuId', { schema: skuParamSchema }) skuId: string) {
    requireConfiguredWarehouse(this.warehouses, warehouseId);
    const document = await this.stock.get(warehouseId, skuId);
    if (!document) throw new NotFoundError('stock', skuId);
    return stockView(document);
  }

  @Put(':skuId')
  @ApiOperation({ summary: 'Set the count on hand (盘点); refused below the units already reserved' })
  @ApiProblemResponses(400, 409)
  async count(
    @CurrentWarehouse() warehouseId: string,
    @Param('skuId', { schema: skuParamSchema }) skuId: string,
    @Body({ schema: stockCountSchema }) body: { onHand: number; reason: string },
  ) {
    requireConfiguredWarehouse(this.warehouses, warehouseId);
    const result = await this.stock.setOnHand(warehouseId, skuId, body.onHand, body.reason, this.clock.now());
    if (!result.ok) {
      throw new ConflictError(`${result.document?.reserved ?? 0} units of ${skuId} are reserved for orders; the count cannot be below that`, {
        reserved: result.document?.reserved ?? 0,
      });
    }
    return stockView(result.document!);
  }

  @Post(':skuId/adjustments')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add (入库) or remove (破损, 出库) units; refused when it would take available below zero' })
  @ApiProblemResponses(400, 409)
  async adjust(
    @CurrentWarehouse() warehouseId: string,
    @Param('skuId', { schema: skuParamSchema }) skuId: string,
    @Body({ schema: stockAdjustmentSchema }) body: { delta: number; reason: string },
  ) {
    requireConfiguredWarehouse(this.warehouses, warehouseId);
    const result = await this.stock.adjust(warehouseId, skuId, body.delta, body.reason, this.clock.now());
    if (!result.ok)
      throw new ConflictError(`only ${result.document?.available ?? 0} units of ${skuId} are available to remove`, {
        available: result.document?.available ?? 0,
      });
    return stockView(result.document!);
  }
}

function stockView(document: WarehouseStockDocument) {
  return {
    warehouseId: document.warehouseId,
    skuId: document.skuId,
    onHand: document.onHand,
    reserved: document.reserved,
    available: document.available,
    updatedAt: document.updatedAt.toISOString(),
  };
}
