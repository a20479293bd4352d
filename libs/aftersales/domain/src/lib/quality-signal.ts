import type { QUALITY_SIGNAL_KINDS } from '@supply-hub/contracts';
import type { AftersalesCase } from './aftersales-case';

export type QualitySignalKind = (typeof QUALITY_SIGNAL_KINDS)[number];

/**
 * The quality signal a case confirms when it is resolved, if any: damage, a wrong item, a quality
 * complaint (a defect when a warehouse inspected the goods and upheld it), an invalid code. A return
 * without reason, an exchange (size, colour) and a short shipment say nothing about the product.
 */
export function qualitySignalKindOf(aCase: Pick<AftersalesCase, 'kind' | 'inspection'>): QualitySignalKind | undefined {
  switch (aCase.kind) {
    case 'damaged':
      return 'damage';
    case 'wrong-item':
      return 'wrong-item';
    case 'quality':
      return aCase.inspection?.result === 'pass' ? 'defect' : 'quality-complaint';
    case 'invalid-code':
      return 'invalid-code';
    default:
      return undefined;
  }
}
