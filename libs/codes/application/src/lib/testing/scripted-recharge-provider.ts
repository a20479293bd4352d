import type { RechargeNotifyReading, RechargeNotifyRequest, RechargeOrderState, RechargeProvider, RechargeRequest, RechargeSubmitResult } from '@supply-hub/codes-domain';

/**
 * A recharge provider whose answers a spec scripts (the port, not a protocol: the protocol adapters
 * have their own nock specs, and the e2e specs run against the sandboxes). It remembers what was
 * submitted, so a spec can check that nothing was sent twice.
 */
export class ScriptedRechargeProvider implements RechargeProvider {
  readonly notifyAck = 'success';
  available = true;
  readonly submitted: RechargeRequest[] = [];
  readonly queried: string[] = [];
  /** What the next submits answer (then `processing`). */
  submitAnswers: RechargeSubmitResult[] = [];
  /** What queries answer per order number (then `processing`). */
  readonly states = new Map<string, RechargeOrderState[]>();

  constructor(readonly id: string) {}

  isAvailable(): boolean {
    return this.available;
  }

  async submit(request: RechargeRequest): Promise<RechargeSubmitResult> {
    this.submitted.push(request);
    return this.submitAnswers.shift() ?? { state: 'processing' };
  }

  async query(orderNo: string): Promise<RechargeOrderState> {
    this.queried.push(orderNo);
    return this.states.get(orderNo)?.shift() ?? { state: 'processing' };
  }

  /** Notify bodies are `orderNo|state|signature`; the signature must be `ok`. */
  readNotify(request: RechargeNotifyRequest): RechargeNotifyReading {
    const [orderNo, state, signature] = request.body.split('|');
    if (signature !== 'ok') return { ok: false, reason: 'bad signature' };
    if (!orderNo) return { ok: false, reason: 'no order number' };
    return { ok: true, orderNo, state: state === 'success' ? { state: 'success' } : state === 'failed' ? { state: 'failed', reason: 'provider says failed' } : { state: 'processing' } };
  }
}
