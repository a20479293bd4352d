import type { DropShipOrderRequest, DropShipPlacement, DropShipSupplier, SupplierOrderUpdate, SupplierTrackEntry } from '@supply-hub/orders-domain';
import { type JdClient, SupplierRefusedError } from '@supply-hub/supplier-clients';
import {
  isJdRetryableFailure,
  isJdTokenRejected,
  JD_ORDER_MESSAGE_STATES,
  JD_ORDER_MESSAGE_TYPES,
  JD_PATHS,
  JD_RESULT_CODES,
  type JdEnvelope,
  jdMessageDelResultSchema,
  jdMessageSchema,
  jdOrderMessageResultSchema,
  jdOrderTrackResultSchema,
  jdSelectJdOrderIdByThirdOrderResultSchema,
  jdSubmitOrderResultSchema,
  jdTrackMilestoneOf,
  parseBeijingTime,
} from '@supply-hub/supplier-protocols';
import { z } from 'zod';
import type { JdDropShipConfig } from './jd-drop-ship-config';
import { jdSubmitOrderForm } from './jd-order-form';

type Lookup = { kind: 'found'; jdOrderId: number } | { kind: 'not-found' } | { kind: 'unavailable'; reason: string };
type Submitted = { kind: 'placed'; jdOrderId: number; note?: string } | { kind: 'done'; placement: DropShipPlacement };

/** message/del takes this many ids per call at most (as message/get answers). */
const IDS_PER_DELETE = 100;

/**
 * Drop-ship through a JD account (京东 VOP), on the shared JdClient. Placing an order: submitOrder with
 * thirdOrder = the shipment id, sent once per attempt (never retried blindly); a lost answer (timeout,
 * 5xx, cut connection) is followed by selectJdOrderIdByThirdOrder before anything else, as is every
 * attempt that may follow an earlier one (`mayExist`); 0008 means the order exists and carries it. Then
 * confirmOrder (3103: confirmed before, fine). What comes back: type-5 messages (妥投 / 拒收), deleted
 * once handled, and orderTrack for the parcel's tracking. The parcel travels with JD's own logistics:
 * carrier `jd`, tracking number the jdOrderId.
 */
export class JdDropShipSupplier implements DropShipSupplier {
  readonly carrier = 'jd';

  constructor(
    private readonly config: Pick<JdDropShipConfig, 'id' | 'invoiceCompanyName'>,
    private readonly client: JdClient,
  ) {}

  get sourceId(): string {
    return this.config.id;
  }

  async placeOrder(request: DropShipOrderRequest): Promise<DropShipPlacement> {
    const built = jdSubmitOrderForm(request, this.config.invoiceCompanyName);
    if ('refused' in built) return { outcome: 'refused', reason: built.refused };
    try {
      let placed: Submitted | undefined;
      if (request.mayExist) {
        const found = await this.lookup(request.thirdOrder);
        if (found.kind === 'unavailable') return { outcome: 'retry-later', reason: found.reason };
        if (found.kind === 'found') placed = { kind: 'placed', jdOrderId: found.jdOrderId, note: 'found by thirdOrder' };
      }
      placed ??= await this.submit(request.thirdOrder, built.form);
      if (placed.kind === 'done') return placed.placement;
      return await this.confirm(placed.jdOrderId, placed.note);
    } catch (error) {
      // A refused token request (credentials) or anything unforeseen: nothing JD said about this parcel.
      return { outcome: 'retry-later', reason: reasonOf(error) };
    }
  }

  async orderUpdates(): Promise<SupplierOrderUpdate[]> {
    const entries = await this.client.call(JD_PATHS.messageGet, { type: JD_ORDER_MESSAGE_TYPES.join(',') }, z.array(z.unknown()));
    const updates: SupplierOrderUpdate[] = [];
    for (const entry of entries) {
      const message = jdMessageSchema.safeParse(entry);
      // Without an id it can be neither read nor deleted; JD sends it again and it is skipped again.
      if (!message.success) continue;
      const result = jdOrderMessageResultSchema.safeParse(message.data.result);
      const at = timeOf(message.data.time);
      if (!result.success) {
        updates.push({ updateId: message.data.id, supplierOrderId: '', outcome: 'unknown', at, detail: JSON.stringify(message.data.result) });
        continue;
      }
      const { orderId, state } = result.data;
      const outcome = state === JD_ORDER_MESSAGE_STATES.delivered ? 'delivered' : state === JD_ORDER_MESSAGE_STATES.rejected ? 'rejected' : 'unknown';
      updates.push({ updateId: message.data.id, supplierOrderId: String(orderId), outcome, at, ...(outcome === 'rejected' ? { detail: '拒收' } : {}) });
    }
    return updates;
  }

  async acknowledge(updateIds: readonly string[]): Promise<void> {
    for (let start = 0; start < updateIds.length; start += IDS_PER_DELETE) {
      await this.client.call(JD_PATHS.messageDel, { id: updateIds.slice(start, start + IDS_PER_DELETE).join(',') }, jdMessageDelResultSchema);
    }
  }

  async orderTrack(supplierOrderId: string): Promise<SupplierTrackEntry[]> {
    const track = await this.client.call(JD_PATHS.orderTrack, { jdOrderId: supplierOrderId }, jdOrderTrackResultSchema);
    return track.orderTrack.map((entry) => {
      const milestone = jdTrackMilestoneOf(entry);
      return { at: parseBeijingTime(entry.msgTime), content: entry.content, operator: entry.operator, ...(milestone ? { milestone } : {}) };
    });
  }

  /** One submitOrder; a lost answer is followed by the lookup by thirdOrder. */
  private async submit(thirdOrder: string, form: Record<string, string>): Promise<Submitted> {
    let envelope: JdEnvelope;
    try {
      ({ envelope } = await this.client.answer(JD_PATHS.submitOrder, form, undefined, { maxAttempts: 1 }));
    } catch (error) {
      if (error instanceof SupplierRefusedError) throw error;
      // The order may or may not have been placed: ask JD before anything else.
      const found = await this.lookup(thirdOrder);
      if (found.kind === 'found') return { kind: 'placed', jdOrderId: found.jdOrderId, note: 'found by thirdOrder after a lost submitOrder answer' };
      const why = found.kind === 'unavailable' ? found.reason : `JD has no order ${thirdOrder} yet`;
      return { kind: 'done', placement: { outcome: 'retry-later', reason: `submitOrder answer lost (${reasonOf(error)}); ${why}` } };
    }
    if (envelope.success || envelope.resultCode === JD_RESULT_CODES.orderExists) {
      const result = jdSubmitOrderResultSchema.safeParse(envelope.result);
      if (result.success) {
        return { kind: 'placed', jdOrderId: result.data.jdOrderId, ...(envelope.success ? {} : { note: 'already placed (0008)' }) };
      }
      // Placed, but the answer does not say as what: the lookup does.
      const found = await this.lookup(thirdOrder);
      if (found.kind === 'found') return { kind: 'placed', jdOrderId: found.jdOrderId };
      return { kind: 'done', placement: { outcome: 'retry-later', reason: `submitOrder ${envelope.resultCode} without a readable order` } };
    }
    return { kind: 'done', placement: refusalOf('submitOrder', envelope) };
  }

  private async confirm(jdOrderId: number, note: string | undefined): Promise<DropShipPlacement> {
    let envelope: JdEnvelope;
    try {
      ({ envelope } = await this.client.answer(JD_PATHS.confirmOrder, { jdOrderId: String(jdOrderId) }));
    } catch (error) {
      if (error instanceof SupplierRefusedError) throw error;
      return { outcome: 'retry-later', reason: `confirmOrder ${jdOrderId}: ${reasonOf(error)}` };
    }
    if (envelope.success || envelope.resultCode === JD_RESULT_CODES.orderAlreadyConfirmed) {
      return { outcome: 'accepted', supplierOrderId: String(jdOrderId), ...(note ? { note } : {}) };
    }
    return refusalOf(`confirmOrder ${jdOrderId}`, envelope);
  }

  private async lookup(thirdOrder: string): Promise<Lookup> {
    try {
      const { envelope } = await this.client.answer(JD_PATHS.selectJdOrderIdByThirdOrder, { thirdOrder });
      if (envelope.success) {
        const jdOrderId = jdSelectJdOrderIdByThirdOrderResultSchema.safeParse(envelope.result);
        return jdOrderId.success ? { kind: 'found', jdOrderId: jdOrderId.data } : { kind: 'unavailable', reason: 'selectJdOrderIdByThirdOrder: unreadable id' };
      }
      if (envelope.resultCode === JD_RESULT_CODES.orderNotFound) return { kind: 'not-found' };
      return { kind: 'unavailable', reason: `selectJdOrderIdByThirdOrder ${envelope.resultCode} ${envelope.resultMessage ?? ''}`.trim() };
    } catch (error) {
      return { kind: 'unavailable', reason: `selectJdOrderIdByThirdOrder: ${reasonOf(error)}` };
    }
  }
}

/** A `success:false` answer: JD's fault or a token → later; anything else is JD saying no to this parcel. */
function refusalOf(method: string, envelope: JdEnvelope): DropShipPlacement {
  const reason = `${method} ${envelope.resultCode} ${envelope.resultMessage ?? ''}`.trim();
  if (isJdRetryableFailure(envelope) || isJdTokenRejected(envelope)) return { outcome: 'retry-later', reason };
  return { outcome: 'refused', reason };
}

function timeOf(beijingTime: string): Date {
  try {
    return parseBeijingTime(beijingTime);
  } catch {
    return new Date();
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
