import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, CurrentWarehouse, WarehouseAuth } from '@supply-hub/http';
import { WarehouseShipments } from '@supply-hub/orders-application';
import { type OrderDocument, OrderStore } from '@supply-hub/orders-data-access';
import type { RoutedShipment, Warehouse } from '@supply-hub/orders-domain';
import { WAREHOUSES } from '../orders/orders.tokens';
import { requireConfiguredWarehouse } from './warehouse-access';
import { dispatchSchema, rejectSchema, type ShipmentListQuery, shipmentIdSchema, shipmentListQuerySchema } from './warehouses.dto';

/** The parcels routed to a warehouse: list what is to ship, accept, dispatch, or reject (it goes elsewhere). */
@ApiTags('warehouse')
@WarehouseAuth()
@Controller('warehouse/shipments')
export class WarehouseShipmentsController {
  constructor(
    private readonly shipments: WarehouseShipments,
    private readonly orders: OrderStore,
    @Inject(WAREHOUSES) private readonly warehouses: readonly Warehouse[],
  ) {}

  @Get()
  @ApiOperation({ summary: 'Parcels to ship from here, oldest first: requested and accepted, or one of them' })
  async list(@CurrentWarehouse() warehouseId: string, @Query({ schema: shipmentListQuerySchema }) query: ShipmentListQuery) {
    requireConfiguredWarehouse(this.warehouses, warehouseId);
    const statuses = query.status ? [query.status] : ['requested', 'accepted'];
    const orders = await this.orders.withShipments(warehouseId, statuses, query.limit);
    const items = orders.flatMap((order) =>
      order.shipments
        .filter((shipment) => shipment.warehouseId === warehouseId && statuses.includes(shipment.status))
        .map((shipment) => shipmentView(order, shipment)),
    );
    return { items: items.slice(0, query.limit) };
  }

  @Get(':shipmentId')
  @ApiOperation({ summary: 'One parcel of this warehouse' })
  @ApiProblemResponses(404)
  async get(@CurrentWarehouse() warehouseId: string, @Param('shipmentId', { schema: shipmentIdSchema }) shipmentId: string) {
    const { order, shipment } = await this.shipments.find(warehouseId, shipmentId);
    return shipmentView(order, shipment);
  }

  @Post(':shipmentId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept the parcel (stops the acceptance timer); repeating it is harmless' })
  @ApiProblemResponses(404, 409)
  async accept(@CurrentWarehouse() warehouseId: string, @Param('shipmentId', { schema: shipmentIdSchema }) shipmentId: string) {
    const { order, shipment } = await this.shipments.accept(warehouseId, shipmentId);
    return shipmentView(order, shipment);
  }

  @Post(':shipmentId/dispatch')
  @HttpCode(200)
  @ApiOperation({ summary: 'The parcel left with a carrier and tracking number: stock is consumed, tracking starts' })
  @ApiProblemResponses(400, 404, 409)
  async dispatch(
    @CurrentWarehouse() warehouseId: string,
    @Param('shipmentId', { schema: shipmentIdSchema }) shipmentId: string,
    @Body({ schema: dispatchSchema }) body: { carrier: string; trackingNumber: string },
  ) {
    const { order, shipment } = await this.shipments.dispatch(warehouseId, shipmentId, body.carrier, body.trackingNumber);
    return shipmentView(order, shipment);
  }

  @Post(':shipmentId/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give the parcel back with a reason: it is rerouted to the next best warehouse at once' })
  @ApiProblemResponses(400, 404, 409)
  async reject(
    @CurrentWarehouse() warehouseId: string,
    @Param('shipmentId', { schema: shipmentIdSchema }) shipmentId: string,
    @Body({ schema: rejectSchema }) body: { reason: string },
  ) {
    const order = await this.shipments.reject(warehouseId, shipmentId, body.reason);
    const shipment = order.shipments.find((candidate) => candidate.shipmentId === shipmentId)!;
    return shipmentView(order, shipment);
  }
}

/** A parcel as its warehouse sees it: what to pack and where it goes (the recipient is needed to ship). */
function shipmentView(order: OrderDocument, shipment: RoutedShipment) {
  return {
    shipmentId: shipment.shipmentId,
    orderId: order._id,
    status: shipment.status,
    lines: shipment.lines.map((line) => ({ ...line, title: order.lines.find((candidate) => candidate.lineId === line.lineId)?.title })),
    recipient: order.recipient,
    dispatchBy: shipment.dispatchBy.toISOString(),
    requestedAt: shipment.requestedAt.toISOString(),
    ...(shipment.acceptedAt ? { acceptedAt: shipment.acceptedAt.toISOString() } : {}),
    ...(shipment.dispatchedAt ? { dispatchedAt: shipment.dispatchedAt.toISOString() } : {}),
    ...(shipment.carrier ? { carrier: shipment.carrier, trackingNumber: shipment.trackingNumber } : {}),
    ...(shipment.slaFlag ? { slaFlag: shipment.slaFlag } : {}),
  };
}
