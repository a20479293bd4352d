import type { RechargeNotifyRequest } from '@supply-hub/codes-domain';
import { issuanceDocumentOf, toIssuance, toVirtualProduct } from '@supply-hub/codes-data-access';
import { NotFoundError, ValidationError } from '@supply-hub/errors';
import { AdvanceIssuance } from '../advance-issuance/advance-issuance.use-case';
import { applyProviderAnswer } from '../advance-issuance/provider-saga';
import type { CodesDependencies } from '../shared/codes-dependencies';

export type NotifyOutcome = 'settled' | 'already-settled' | 'still-processing' | 'unknown-order';

/**
 * A provider's notify (the final state of one of our orders), checked against its signature before
 * anything is read. Settles the attempt it names; a failure moves on to the next provider at once.
 * Duplicate and late notifies change nothing: a settled attempt never moves back.
 */
export class SettleProviderNotify {
  private readonly advance: AdvanceIssuance;

  constructor(private readonly deps: CodesDependencies) {
    this.advance = new AdvanceIssuance(deps);
  }

  /** The provider's ack text and what the notify did; a bad signature or body is a ValidationError. */
  async execute(providerId: string, request: RechargeNotifyRequest): Promise<{ ack: string; outcome: NotifyOutcome }> {
    const provider = this.deps.providers.get(providerId);
    if (!provider) throw new NotFoundError("recharge provider", providerId);
    const reading = provider.readNotify(request);
    if (!reading.ok) throw new ValidationError(`notify refused: ${reading.reason}`, [{ path: 'body', message: reading.reason }]);
    for (let tries = 0; tries < 5; tries += 1) {
      const document = await this.deps.issuances.byOrderNo(reading.orderNo);
      if (!document) return { ack: provider.notifyAck, outcome: 'unknown-order' };
      const issuance = toIssuance(document);
      const attempt = issuance.attempts.find((candidate) => candidate.orderNo === reading.orderNo && candidate.providerId === providerId);
      if (!attempt) return { ack: provider.notifyAck, outcome: 'unknown-order' };
      if (reading.state.state === 'processing') return { ack: provider.notifyAck, outcome: 'still-processing' };
      const product = await this.deps.products.getCached(document.skuId);
      const write = await applyProviderAnswer(this.deps, issuance, attempt.n, reading.state, { faceValueFen: product ? toVirtualProduct(product).faceValueFen : 0 });
      if (!write.issuance) return { ack: provider.notifyAck, outcome: 'already-settled' };
      if (!(await this.deps.issuances.update(write.issuance, document.version, write.events ?? []))) continue;
      // A confirmed failure goes on to the fallback provider now, not at the next sweep.
      if (write.again) await this.advance.execute(issuanceDocumentOf(write.issuance, document.version + 1));
      return { ack: provider.notifyAck, outcome: 'settled' };
    }
    // Lost the race five times: the others settled it or the next notify / sweep will.
    return { ack: provider.notifyAck, outcome: 'already-settled' };
  }
}
