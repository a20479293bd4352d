import type { CaseDocument } from '@supply-hub/aftersales-data-access';
import type { IssuanceStatusChangedData, OrderAcceptedData, OrderRoutedData, ShipmentStatusChangedData } from '@supply-hub/contracts';
import type { AftersalesDependencies } from './aftersales-dependencies';
import type { CaseCommands } from './case-commands';

/**
 * What aftersales learns from order-router and virtual-codes: which lines exist, which parcels carry them
 * and when they arrived, which virtual lines were issued; and how the remedies it asked for went (a
 * replacement order placed, refused, dispatched, delivered; a reissue issued or failed). Every handler is
 * idempotent: redelivered events set the same fields again, and a case already past a step ignores it.
 */
export class RecordOrderEvents {
  constructor(
    private readonly deps: AftersalesDependencies,
    private readonly commands: CaseCommands,
  ) {}

  async orderAccepted(tenantId: string, data: OrderAcceptedData): Promise<void> {
    await this.deps.lines.recordOrder(
      {
        _id: data.orderId,
        tenantId,
        mallOrderId: data.mallOrderId,
        lineIds: data.lines.map((line) => line.lineId),
        ...(data.replacement ? { replacementFor: data.replacement } : {}),
      },
      data.lines.map((line) => ({
        tenantId,
        orderId: data.orderId,
        mallOrderId: data.mallOrderId,
        lineId: line.lineId,
        skuId: line.skuId,
        kind: line.kind,
        quantity: line.quantity,
        ...(line.unitPriceFen !== undefined ? { unitPriceFen: line.unitPriceFen } : {}),
        cityCode: data.cityCode,
        ...(data.replacement ? { replacementFor: data.replacement.caseId } : {}),
      })),
    );
    if (!data.replacement) return;
    await this.onCase(tenantId, data.replacement.caseId, (aCase) => (draft) => {
      if (aCase.replacement?.orderId) return false;
      draft.changes.replacement = { ...(aCase.replacement ?? { requestedAt: aCase.updatedAt }), orderId: data.orderId, status: 'accepted' };
      draft.note({ kind: 'system' }, `replacement order ${data.orderId} placed`);
    });
    // Its parcel's events travel on another topic and may have been taken in first.
    await this.followReplacement(tenantId, data.orderId);
  }

  async orderRouted(tenantId: string, data: OrderRoutedData): Promise<void> {
    for (const parcel of data.parcels) {
      for (const line of parcel.lines) {
        await this.deps.lines.recordParcel(data.orderId, line.lineId, parcel.shipmentId, {
          quantity: line.quantity,
          ...(parcel.warehouseId ? { warehouseId: parcel.warehouseId } : {}),
          ...(parcel.supplier ? { supplierSourceId: parcel.supplier.sourceId } : {}),
        });
      }
    }
    if (data.refusedLineIds.length === 0) return;
    await this.deps.lines.recordRefusedLines(data.orderId, data.refusedLineIds);
    const order = await this.deps.lines.order(data.orderId);
    const replacement = order?.replacementFor;
    if (!replacement || order.tenantId !== tenantId) return;
    await this.onCase(tenantId, replacement.caseId, (aCase) => (draft) => {
      if (aCase.status !== 'resolving' || aCase.resolution !== 'replacement') return false;
      draft.changes.replacement = { ...(aCase.replacement ?? { requestedAt: aCase.updatedAt }), orderId: data.orderId, status: 'refused' };
      draft.fallBackToRefund('no warehouse or supplier can ship the replacement');
    });
  }

  async shipmentStatusChanged(tenantId: string, data: ShipmentStatusChangedData): Promise<void> {
    const at = new Date(data.at);
    await this.deps.lines.recordShipmentStatus({ shipmentId: data.shipmentId, orderId: data.orderId, tenantId, status: data.status, at });
    if (data.status === 'dispatched' || data.status === 'delivered') await this.followReplacement(tenantId, data.orderId);
  }

  /**
   * Where a replacement order's parcel has got to, onto its case: dispatched resolves the case, delivered
   * closes it. Reads the parcels' recorded statuses rather than one event, so the order's and the
   * parcel's events may arrive in either order and any number of times.
   */
  private async followReplacement(tenantId: string, orderId: string): Promise<void> {
    const order = await this.deps.lines.order(orderId);
    const replacement = order?.replacementFor;
    if (!order || !replacement || order.tenantId !== tenantId) return;
    const shipments = await this.deps.lines.shipmentsOf(order);
    const delivered = shipments.find((shipment) => shipment.deliveredAt);
    const dispatched = delivered ?? shipments.find((shipment) => shipment.dispatchedAt);
    if (!dispatched) return;
    await this.onCase(tenantId, replacement.caseId, (aCase) => (draft) => {
      const progress = { ...(aCase.replacement ?? { requestedAt: aCase.updatedAt }), orderId };
      if (aCase.status === 'resolving') {
        draft.changes.replacement = { ...progress, status: 'dispatched' };
        draft.resolve(`replacement dispatched (parcel ${dispatched._id})`);
      }
      if (delivered && aCase.replacement?.status !== 'delivered' && (aCase.status === 'resolving' || aCase.status === 'resolved')) {
        draft.changes.replacement = { ...progress, status: 'delivered' };
        // A replacement delivered closes the case: the member has what they were owed.
        draft.move('closed', { kind: 'system' }, 'replacement delivered');
      }
      if (draft.timeline.length === 0) return false;
    });
  }

  async issuanceStatusChanged(tenantId: string, data: IssuanceStatusChangedData): Promise<void> {
    if (!data.reissue) {
      if (data.status === 'issued') await this.deps.lines.recordIssued(data.orderId, data.lineId, new Date(data.at));
      return;
    }
    const reissue = data.reissue;
    await this.onCase(tenantId, reissue.caseId, (aCase) => (draft) => {
      if (aCase.status !== 'resolving' || aCase.resolution !== 'reissue') return false;
      const progress = { ...(aCase.reissue ?? { requestedAt: aCase.updatedAt }), issuanceId: data.issuanceId, verdict: reissue.verdict };
      if (data.status === 'processing') {
        if (aCase.reissue?.status === 'processing') return false;
        draft.changes.reissue = { ...progress, status: 'processing' };
        draft.note({ kind: 'system' }, 'reissue in progress at the provider');
      } else if (data.status === 'issued') {
        draft.changes.reissue = { ...progress, status: 'issued' };
        draft.resolve(`reissued (${reissue.verdict})`);
      } else if (reissue.verdict === 'confirmed-delivered') {
        draft.changes.reissue = { ...progress, status: 'failed', ...(data.reason ? { note: data.reason } : {}) };
        draft.reject({ kind: 'system' }, data.reason ?? 'the provider confirms the original was delivered');
      } else {
        draft.changes.reissue = { ...progress, status: 'failed', ...(data.reason ? { note: data.reason } : {}) };
        draft.fallBackToRefund(`the reissue failed${data.reason ? `: ${data.reason}` : ''}`);
      }
    });
  }

  /** A change to a case an event names; the case must be the event's tenant's (else dead-lettered). */
  private async onCase(tenantId: string, caseId: string, changeFor: (aCase: CaseDocument) => Parameters<CaseCommands['change']>[2]): Promise<void> {
    // change() reads the case scoped to the tenant and throws NotFoundError for another tenant's or none.
    await this.commands.change(tenantId, caseId, (draft) => changeFor(draft.original)(draft));
  }
}
