import type { CaseActor, CaseResolution } from '@supply-hub/aftersales-domain';
import { RESOLUTIONS_OF } from '@supply-hub/aftersales-domain';
import type { CaseDocument } from '@supply-hub/aftersales-data-access';
import { NotFoundError, ValidationError } from '@supply-hub/errors';
import type { CaseCommands } from './case-commands';
import { CaseTransitionRefusedError } from './case-errors';

/**
 * What people do to cases: staff approve, reject, note and close; the mall withdraws, reports the return
 * parcel sent and confirms the outcome; the warehouse a return was labelled for receives and inspects it.
 * Each is one guarded write through CaseCommands; a move the state machine refuses is a 409 naming why.
 */
export class CaseActions {
  constructor(private readonly commands: CaseCommands) {}

  approve(caseId: string, staff: string, input: { note?: string; resolution?: CaseResolution }): Promise<CaseDocument> {
    return this.commands.change(undefined, caseId, (draft) => {
      if (input.resolution !== undefined && input.resolution !== draft.current.resolution) {
        const allowed = RESOLUTIONS_OF[draft.current.kind];
        if (!allowed.includes(input.resolution)) {
          throw new ValidationError('the case cannot end that way', [{ path: 'resolution', message: `a ${draft.current.kind} case ends in ${allowed.join(' or ')}` }]);
        }
        draft.changes.resolution = input.resolution;
      }
      draft.approve(staffActor(staff), input.note);
    });
  }

  reject(caseId: string, staff: string, reason: string): Promise<CaseDocument> {
    return this.commands.change(undefined, caseId, (draft) => draft.reject(staffActor(staff), reason));
  }

  /** A note to the case (asking for photos, explaining a delay): it counts as the first response. */
  note(caseId: string, staff: string, note: string): Promise<CaseDocument> {
    return this.commands.change(undefined, caseId, (draft) => {
      draft.note(staffActor(staff), note);
      draft.responded();
    });
  }

  /**
   * A replacement or reissue that is not coming (parcel lost, provider silent, a reroute nobody can ship):
   * staff refund the case instead. Once per case like every refund.
   */
  refundInstead(caseId: string, staff: string, reason: string): Promise<CaseDocument> {
    return this.commands.change(undefined, caseId, (draft) => {
      const current = draft.current;
      if (current.status !== 'resolving' || current.resolution === 'refund') {
        throw new CaseTransitionRefusedError(caseId, `only a case waiting for its replacement or reissue can be refunded instead (this one is ${current.status})`);
      }
      draft.responded();
      draft.note(staffActor(staff), reason);
      draft.fallBackToRefund(`staff: ${reason}`);
    });
  }

  close(caseId: string, staff: string, note?: string): Promise<CaseDocument> {
    return this.commands.change(undefined, caseId, (draft) => draft.move('closed', staffActor(staff), note));
  }

  /** The mall takes its case back before anyone decided it; the units are free again. */
  withdraw(tenantId: string, caseId: string, note?: string): Promise<CaseDocument> {
    return this.commands.change(tenantId, caseId, (draft) => {
      if (draft.current.status !== 'opened') throw new CaseTransitionRefusedError(caseId, `a ${draft.current.status} case cannot be withdrawn (only an opened one)`);
      draft.move('closed', { kind: 'mall', id: tenantId }, note ?? 'withdrawn by the mall');
    });
  }

  /** The member sent the return parcel: carrier and tracking number on the case. Repeating it is harmless. */
  returnShipped(tenantId: string, caseId: string, parcel: { carrier: string; trackingNumber: string }): Promise<CaseDocument> {
    return this.commands.change(tenantId, caseId, (draft) => {
      const current = draft.current;
      if (current.status === 'return-in-transit' && current.returnParcel?.trackingNumber === parcel.trackingNumber) return false;
      if (!current.returnParcel) throw new CaseTransitionRefusedError(caseId, 'no return label was issued for this case');
      draft.changes.returnParcel = { ...current.returnParcel, carrier: parcel.carrier, trackingNumber: parcel.trackingNumber, shippedAt: draft.now() };
      draft.move('return-in-transit', { kind: 'mall', id: tenantId }, `${parcel.carrier} ${parcel.trackingNumber}`);
    });
  }

  /** The mall confirms the outcome: a resolved or rejected case is closed. */
  confirm(tenantId: string, caseId: string, note?: string): Promise<CaseDocument> {
    return this.commands.change(tenantId, caseId, (draft) => draft.move('closed', { kind: 'mall', id: tenantId }, note ?? 'confirmed by the mall'));
  }

  /** The warehouse the label names took the parcel in; another warehouse sees no such return (404). */
  receive(warehouseId: string, caseId: string, input: { quantity: number; note?: string }): Promise<CaseDocument> {
    return this.commands.change(undefined, caseId, (draft) => {
      const current = draft.current;
      if (current.returnParcel?.warehouseId !== warehouseId) throw new NotFoundError('return', caseId);
      if (current.status === 'received' && current.returnParcel.receivedQuantity === input.quantity) return false;
      if (input.quantity > current.quantity) {
        throw new ValidationError('more units than the case returns', [{ path: 'quantity', message: `at most ${current.quantity}` }]);
      }
      draft.changes.returnParcel = { ...current.returnParcel, receivedAt: draft.now(), receivedQuantity: input.quantity };
      draft.move('received', warehouseActor(warehouseId), input.note ?? `${input.quantity} unit(s) received`);
    });
  }

  /**
   * The warehouse's inspection: a pass starts the remedy (refund or replacement) in the same write; a fail
   * rejects the case with the warehouse's notes as the reason.
   */
  inspect(warehouseId: string, caseId: string, input: { result: 'pass' | 'fail'; notes: string }): Promise<CaseDocument> {
    return this.commands.change(undefined, caseId, (draft) => {
      const current = draft.current;
      if (current.returnParcel?.warehouseId !== warehouseId) throw new NotFoundError('return', caseId);
      draft.changes.inspection = { result: input.result, notes: input.notes, at: draft.now(), warehouseId };
      draft.move('inspected', warehouseActor(warehouseId), `${input.result}: ${input.notes}`);
      if (input.result === 'pass') draft.startResolution();
      else draft.reject(warehouseActor(warehouseId), `the returned goods failed inspection: ${input.notes}`);
    });
  }
}

function staffActor(subject: string): CaseActor {
  return { kind: 'staff', id: subject };
}

function warehouseActor(warehouseId: string): CaseActor {
  return { kind: 'warehouse', id: warehouseId };
}
