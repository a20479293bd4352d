import type { RoutedParcel, RoutingCandidate, RoutingRule, UnroutedLine } from './routing-decision';
import type { UnshippablePolicy } from './routing-input';

export interface DecisionFacts {
  readonly rule: RoutingRule;
  readonly candidates: readonly RoutingCandidate[];
  readonly parcels: readonly RoutedParcel[];
  readonly unrouted: readonly UnroutedLine[];
  readonly unshippable: UnshippablePolicy;
  readonly totalDistanceKm: number;
}

const km = (distanceKm: number): string => `${distanceKm.toFixed(1)} km`;
const named = (candidate: RoutingCandidate): string => `${candidate.warehouseId} ${candidate.name} (${km(candidate.distanceKm)})`;

/** Why a candidate nearer than the chosen warehouse did not ship: the part of "why 成都?" people ask first. */
function whyNot(candidate: RoutingCandidate): string {
  if (candidate.status === 'inactive') return 'inactive';
  if (candidate.status === 'capacity-full') return 'no capacity left today';
  return `lacks ${candidate.lacks.map((lack) => `${lack.skuId} (${lack.available} of ${lack.wanted})`).join(', ')}`;
}

/**
 * One sentence for staff and the order timeline, built from the structured explanation (which stays the record
 * of truth): `wh-cd 成都仓 (2056.0 km) is the nearest warehouse that can ship every line; nearer: none`.
 */
export function summarizeDecision(facts: DecisionFacts): string {
  const warehouseParcels = facts.parcels.filter((parcel) => parcel.kind === 'warehouse');
  const parts: string[] = [];
  if (facts.rule === 'empty') parts.push('no physical lines to route');
  else if (facts.rule === 'nearest-complete') {
    const chosen = facts.candidates.find((candidate) => candidate.chosen);
    const nearer = chosen ? facts.candidates.slice(0, facts.candidates.indexOf(chosen)) : [];
    if (chosen) parts.push(`${named(chosen)} is the nearest warehouse that can ship every line`);
    parts.push(`nearer: ${nearer.length ? nearer.map((candidate) => `${named(candidate)} ${whyNot(candidate)}`).join('; ') : 'none'}`);
  } else if (facts.rule === 'fewest-parcels') {
    const from = facts.candidates.filter((candidate) => candidate.chosen).map(named);
    parts.push(
      `no warehouse can ship every line; ${from.length} warehouse parcel${from.length > 1 ? 's' : ''} from ${from.join(', ')}, ${km(facts.totalDistanceKm)} in all`,
    );
  } else parts.push('no warehouse can ship any line');

  if (warehouseParcels.length < facts.parcels.length) {
    const dropShipped = facts.parcels.flatMap((parcel) =>
      parcel.kind === 'drop-ship' ? parcel.lines.map((line) => `${line.lineId} via ${parcel.sourceId}`) : [],
    );
    parts.push(`drop-ship: ${dropShipped.join(', ')}`);
  }
  if (facts.unrouted.length > 0) {
    const verb = facts.unshippable === 'backorder' ? 'backordered' : 'refused';
    parts.push(`${verb}: ${facts.unrouted.map((line) => `${line.lineId} (${line.reason})`).join(', ')}`);
  }
  return parts.join('; ');
}
