import { isInspectionSuspendReason } from '../inspection/sample-inspection';

/** Why a SKU left the catalog, as the elimination report (淘汰率) groups it. */
export type RemovalCause = 'staff-decision' | 'quality-breach' | 'sample-inspection' | 'qualification-expiry' | 'other-system';

export const REMOVAL_CAUSES: readonly RemovalCause[] = ['staff-decision', 'quality-breach', 'sample-inspection', 'qualification-expiry', 'other-system'];

/** The curation actor of the quality monitor's suspensions (quality.providers). */
export const QUALITY_MONITOR_ACTOR = 'system:quality';

const QUALIFICATION_WORDS = /authori[sz]ation|licen[cs]e|授权|营业执照/i;

/**
 * The cause of a removal from who decided it and why. System actors are told apart by what they are
 * (the quality monitor) or what they say (an expired authorisation or licence); a person's decision is
 * staff's, unless it carries out a failed sample inspection, whose reason says so.
 */
export function removalCauseOf(decision: { by: string; reason: string }): RemovalCause {
  if (isInspectionSuspendReason(decision.reason)) return 'sample-inspection';
  if (decision.by === QUALITY_MONITOR_ACTOR) return 'quality-breach';
  if (!decision.by.startsWith('system:')) return 'staff-decision';
  return QUALIFICATION_WORDS.test(decision.reason) ? 'qualification-expiry' : 'other-system';
}
