import {
  type AftersalesCase,
  type CaseActor,
  type CaseStatus,
  type CaseTimelineEntry,
  qualitySignalIdFor,
  qualitySignalKindOf,
  refundAmountFen,
  refundIdFor,
  refusalOf,
  rmaNumberFor,
  timelineEntry,
} from '@supply-hub/aftersales-domain';
import type { CaseDocument } from '@supply-hub/aftersales-data-access';
import {
  CaseStatusChanged,
  createEvent,
  type EventDefinition,
  QualitySignalRaised,
  RefundIssued,
  ReissueRequested,
  ReplacementRequested,
  type SerializedEvent,
  serializeEvent,
} from '@supply-hub/contracts';
import { findCityByCode } from '@supply-hub/geo';
import { warehousesByDistance } from '@supply-hub/warehouses';
import type { AftersalesDependencies } from './aftersales-dependencies';
import { CaseTransitionRefusedError } from './case-errors';

export const AFTERSALES_SOURCE = '/aftersales';

const SYSTEM: CaseActor = { kind: 'system' };

/** What the line knows that a remedy needs: the contract price (refund) and where the member is (return). */
export interface LineContext {
  unitPriceFen?: number;
  cityCode?: string;
  warehouseId?: string;
  supplierSourceId?: string;
}

/**
 * One command's changes to a case, made in memory and written at once with the events announcing them
 * (CaseStore.update: version-guarded, outbox). Every move goes through the state machine; the remedies
 * (refund, replacement, reissue) and the quality signal are written in the same write as the move that
 * starts them, so none is lost or sent twice.
 */
export class CaseDraft {
  readonly changes: Partial<Omit<CaseDocument, '_id' | 'version' | 'tenantId' | 'timeline'>> = {};
  readonly timeline: CaseTimelineEntry[] = [];
  readonly events: SerializedEvent[] = [];
  /** Set when the case stops holding its units of the line (rejected or withdrawn): the caller releases them. */
  releasesUnits = false;

  constructor(
    readonly original: CaseDocument,
    private readonly deps: Pick<AftersalesDependencies, 'warehouses' | 'clock'>,
    readonly line: LineContext,
  ) {}

  /** The case as it will be once written. */
  get current(): AftersalesCase {
    const { _id, version: _version, ...rest } = this.original;
    return { ...rest, ...this.changes, caseId: _id, timeline: [...this.original.timeline, ...this.timeline] } as AftersalesCase;
  }

  get caseId(): string {
    return this.original._id;
  }

  now(): Date {
    return this.deps.clock.now();
  }

  /** Moves the case, or throws a 409 naming why it cannot. */
  move(to: CaseStatus, actor: CaseActor, note?: string): void {
    const current = this.current;
    const refusal = refusalOf(current, to);
    if (refusal) throw new CaseTransitionRefusedError(this.caseId, refusal);
    const at = this.now();
    this.changes.status = to;
    this.changes.updatedAt = at;
    this.timeline.push(timelineEntry(to, actor, at, note));
    this.emit(CaseStatusChanged, {
      ...this.refs(),
      status: to,
      previousStatus: current.status,
      actor,
      ...(note ? { note: note.slice(0, 1000) } : {}),
      ...(to === 'resolving' || to === 'resolved' ? { resolution: this.current.resolution } : {}),
      at: at.toISOString(),
    });
    if (to === 'rejected' || (to === 'closed' && current.status === 'opened')) this.releasesUnits = true;
  }

  /** What every case event names: the case, the mall's case id, the order line, the kind. */
  refs() {
    const { mallCaseId, orderId, lineId, kind } = this.current;
    return { caseId: this.caseId, mallCaseId, orderId, lineId, kind };
  }

  /** The event announcing a new case (its `opened` entry is written with the case itself). */
  emitOpened(): void {
    const current = this.current;
    this.emit(CaseStatusChanged, {
      ...this.refs(),
      status: 'opened',
      actor: { kind: 'mall', id: current.tenantId },
      note: current.reason.slice(0, 1000),
      at: current.openedAt.toISOString(),
    });
  }

  /** A note on the timeline without a move (staff asking for photos, a replacement's progress). */
  note(actor: CaseActor, note: string): void {
    const at = this.now();
    this.changes.updatedAt = at;
    this.timeline.push(timelineEntry(this.current.status, actor, at, note));
  }

  /** Staff (or the auto-approval rule) answered: the first-response promise is kept. */
  responded(): void {
    if (this.current.firstResponseAt === undefined) this.changes.firstResponseAt = this.now();
  }

  approve(actor: CaseActor, note?: string): void {
    this.move('approved', actor, note);
    this.responded();
    if (this.current.needsReturn) this.issueReturnLabel();
    else this.startResolution();
  }

  reject(actor: CaseActor, reason: string): void {
    this.move('rejected', actor, reason);
    this.changes.rejectionReason = reason;
    if (actor.kind === 'staff') this.responded();
  }

  /** The label sends the parcel to the active warehouse nearest to the member (the routing's distance rule). */
  private issueReturnLabel(): void {
    const city = this.line.cityCode ? findCityByCode(this.line.cityCode) : undefined;
    const active = this.deps.warehouses.filter((warehouse) => warehouse.active);
    const nearest = city ? warehousesByDistance(active, city)[0]?.warehouse : undefined;
    const warehouse = nearest ?? active.find((candidate) => candidate.id === this.line.warehouseId) ?? active[0];
    if (!warehouse) throw new CaseTransitionRefusedError(this.caseId, 'no active warehouse takes returns');
    this.changes.returnParcel = { warehouseId: warehouse.id, rmaNumber: rmaNumberFor(this.caseId), labelIssuedAt: this.now() };
    this.move('return-label-issued', SYSTEM, `return to ${warehouse.name} (${warehouse.id}), ${rmaNumberFor(this.caseId)}`);
  }

  /** Starts the case's remedy: a refund settles at once; a replacement or reissue is asked for and followed. */
  startResolution(): void {
    this.move('resolving', SYSTEM);
    const current = this.current;
    const at = this.now();
    if (current.resolution === 'refund') {
      this.refundAndResolve('refunded');
    } else {
      // The same request either way: order-router ships a replacement, virtual-codes reissues a code.
      const request = {
        caseId: this.caseId,
        orderId: current.orderId,
        lineId: current.lineId,
        skuId: current.skuId,
        quantity: current.quantity,
        reason: `${current.kind}: ${current.reason}`.slice(0, 500),
        at: at.toISOString(),
      };
      if (current.resolution === 'replacement') {
        this.changes.replacement = { requestedAt: at, status: 'requested' };
        this.emit(ReplacementRequested, request);
      } else {
        this.changes.reissue = { requestedAt: at, status: 'requested' };
        this.emit(ReissueRequested, request);
      }
    }
  }

  /** A replacement or reissue that cannot be had becomes a refund: the member is never left with nothing. */
  fallBackToRefund(why: string): void {
    this.changes.resolution = 'refund';
    this.note(SYSTEM, `${why}; refunded instead`);
    this.refundAndResolve(`${why}; refunded instead`);
  }

  private refundAndResolve(note: string): void {
    const current = this.current;
    if (current.refund) return;
    const at = this.now();
    const refundId = refundIdFor(this.caseId);
    // What came back is what is refunded, when a warehouse counted fewer units than the case claimed.
    const quantity = Math.min(current.quantity, current.returnParcel?.receivedQuantity ?? current.quantity);
    const amountFen = refundAmountFen(this.line.unitPriceFen, quantity);
    this.changes.refund = { refundId, ...(amountFen !== undefined ? { amountFen } : {}), at };
    this.emit(RefundIssued, {
      refundId,
      orderId: current.orderId,
      lineId: current.lineId,
      quantity,
      ...(amountFen !== undefined ? { amountFen } : {}),
      ...(current.memberPaid ? { memberRefund: current.memberPaid } : {}),
      origin: { kind: 'case', caseId: this.caseId },
      reason: `${current.kind}: ${current.reason}`.slice(0, 500),
      at: at.toISOString(),
    });
    this.resolve(note);
  }

  /** Resolved: the remedy reached the member. Confirms the quality problem, once per case. */
  resolve(note?: string): void {
    this.move('resolved', SYSTEM, note);
    const current = this.current;
    const kind = qualitySignalKindOf(current);
    if (!kind || current.qualitySignalId) return;
    const signalId = qualitySignalIdFor(this.caseId);
    this.changes.qualitySignalId = signalId;
    this.emit(QualitySignalRaised, {
      signalId,
      caseId: this.caseId,
      kind,
      skuId: current.skuId,
      quantity: current.quantity,
      orderId: current.orderId,
      ...(this.line.warehouseId ? { warehouseId: this.line.warehouseId } : {}),
      ...(this.line.supplierSourceId ? { supplierSourceId: this.line.supplierSourceId } : {}),
      ...(current.inspection?.notes ? { note: current.inspection.notes.slice(0, 1000) } : {}),
      at: this.now().toISOString(),
    });
  }

  emit<T>(definition: EventDefinition<T>, data: T): void {
    this.events.push(serializeEvent(definition, createEvent(definition, data, { source: AFTERSALES_SOURCE, tenantId: this.original.tenantId, time: this.now() })));
  }
}
