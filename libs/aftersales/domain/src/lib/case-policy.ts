import { CASE_KINDS, type CaseKind, type CaseResolution } from '@supply-hub/contracts';
import { ValidationError } from '@supply-hub/errors';
import { z } from 'zod';

/** What a kind of case may end in; the first is what it ends in unless the mall asks for another. */
export const RESOLUTIONS_OF: Readonly<Record<CaseKind, readonly [CaseResolution, ...CaseResolution[]]>> = {
  return: ['refund'],
  exchange: ['replacement'],
  damaged: ['replacement', 'refund'],
  missing: ['replacement', 'refund'],
  'wrong-item': ['replacement', 'refund'],
  quality: ['refund', 'replacement'],
  'invalid-code': ['reissue', 'refund'],
};

/** Which kinds apply to which goods: a virtual line has no parcel to damage, a physical line no code. */
export const LINE_KINDS_OF: Readonly<Record<CaseKind, readonly ('physical' | 'virtual')[]>> = {
  return: ['physical', 'virtual'],
  exchange: ['physical'],
  damaged: ['physical'],
  missing: ['physical'],
  'wrong-item': ['physical'],
  quality: ['physical'],
  'invalid-code': ['virtual'],
};

export interface AutoApproval {
  /** Reported within this many hours of delivery. */
  withinHours: number;
  /** With at least one photo. */
  photosRequired: boolean;
}

export interface KindPolicy {
  /** Days after delivery (or issuance, for virtual goods) in which a case of this kind may be opened. */
  windowDays: number;
  /** Whether the goods come back to a warehouse before the case is resolved. */
  returnParcel: boolean;
  /** Approved without staff when reported this early (and with photos, when required); null: staff decide. */
  autoApprove: AutoApproval | null;
}

export interface CasePolicy {
  kinds: Readonly<Record<CaseKind, KindPolicy>>;
  /** Staff answer every case within this many hours, around the clock; later, it is escalated. */
  firstResponseHours: number;
}

/**
 * The defaults: 7 days for a return without reason (七天无理由), 15 for exchanges and quality problems,
 * damaged goods reported within 48 h with photos approved at once, invalid codes approved at once
 * (virtual-codes verifies with the provider before anything is reissued).
 */
export const DEFAULT_CASE_POLICY: CasePolicy = Object.freeze({
  firstResponseHours: 24,
  kinds: Object.freeze({
    return: { windowDays: 7, returnParcel: true, autoApprove: null },
    exchange: { windowDays: 15, returnParcel: true, autoApprove: null },
    damaged: { windowDays: 7, returnParcel: false, autoApprove: { withinHours: 48, photosRequired: true } },
    missing: { windowDays: 7, returnParcel: false, autoApprove: null },
    'wrong-item': { windowDays: 7, returnParcel: true, autoApprove: null },
    quality: { windowDays: 15, returnParcel: true, autoApprove: null },
    'invalid-code': { windowDays: 30, returnParcel: false, autoApprove: { withinHours: 720, photosRequired: false } },
  }),
});

const kindPolicySchema = z.strictObject({
  windowDays: z.number().positive().max(365).optional(),
  returnParcel: z.boolean().optional(),
  autoApprove: z.strictObject({ withinHours: z.number().positive().max(8760), photosRequired: z.boolean() }).nullable().optional(),
});

const policySchema = z.strictObject({
  firstResponseHours: z.number().positive().max(720).optional(),
  kinds: z.partialRecord(z.enum(CASE_KINDS), kindPolicySchema).optional(),
});

/**
 * Reads the AFTERSALES_POLICY setting: a JSON document that overrides the defaults it names, e.g.
 * `{"kinds":{"return":{"windowDays":10}},"firstResponseHours":12}`. Unknown keys are refused.
 */
export function parseCasePolicy(text: string | undefined): CasePolicy {
  if (text === undefined || text.trim() === '') return DEFAULT_CASE_POLICY;
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`AFTERSALES_POLICY: not JSON: ${(error as Error).message}`, [{ path: '', message: 'not JSON' }]);
  }
  const result = policySchema.safeParse(document);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw new ValidationError(`AFTERSALES_POLICY: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`, issues);
  }
  const kinds = { ...DEFAULT_CASE_POLICY.kinds };
  for (const [kind, override] of Object.entries(result.data.kinds ?? {}) as [CaseKind, z.output<typeof kindPolicySchema>][]) {
    kinds[kind] = {
      windowDays: override.windowDays ?? kinds[kind].windowDays,
      returnParcel: override.returnParcel ?? kinds[kind].returnParcel,
      autoApprove: override.autoApprove === undefined ? kinds[kind].autoApprove : override.autoApprove,
    };
  }
  return { firstResponseHours: result.data.firstResponseHours ?? DEFAULT_CASE_POLICY.firstResponseHours, kinds };
}
