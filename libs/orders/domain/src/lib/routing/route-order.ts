import { DefaultRoutingStrategy } from './default-routing-strategy';
import type { RoutingDecision } from './routing-decision';
import type { RoutingInput } from './routing-input';
import type { RoutingStrategy } from './routing-strategy';

const defaultRoutingStrategy = new DefaultRoutingStrategy();

/** Routes an order with the given strategy, the default one unless told otherwise. */
export function routeOrder(input: RoutingInput, strategy: RoutingStrategy = defaultRoutingStrategy): RoutingDecision {
  return strategy.routeOrder(input);
}
