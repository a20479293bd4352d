import type { RoutingDecision } from './routing-decision';
import type { RoutingInput } from './routing-input';

/**
 * Decides where an order's physical lines ship from. Pluggable (Vendure-style strategy, chosen in the service's
 * config); the default is DefaultRoutingStrategy. Implementations are pure: no I/O, no clock, the same input
 * gives the same decision, so a decision can be replayed from what the order record keeps.
 */
export interface RoutingStrategy {
  routeOrder(input: RoutingInput): RoutingDecision;
}

/** Injection token for the strategy order-router uses. */
export const ROUTING_STRATEGY = Symbol('RoutingStrategy');
