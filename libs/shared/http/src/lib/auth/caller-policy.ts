import type { Principal, StaffRole } from '@supply-hub/auth';

/** One kind of caller a route admits; a route lists one or more. */
export type CallerRequirement = { kind: 'tenant' } | { kind: 'warehouse' } | { kind: 'staff'; roles: readonly StaffRole[] };

/**
 * Whether an authenticated principal may call a route that admits `callers`. A route that declares no
 * caller admits nobody: forgetting the declaration must fail closed, not open.
 */
export function isAdmitted(callers: readonly CallerRequirement[], principal: Principal): boolean {
  return callers.some((caller) => {
    if (caller.kind !== principal.kind) return false;
    if (caller.kind === 'staff' && principal.kind === 'staff') return caller.roles.some((role) => principal.roles.includes(role));
    return true;
  });
}

/** For the 403 detail: says what the route wants without echoing anything about the caller's secret. */
export function describeCallers(callers: readonly CallerRequirement[]): string {
  if (callers.length === 0) return 'this route declares no callers';
  return `this route is for ${callers
    .map((caller) => (caller.kind === 'staff' ? `staff with role ${caller.roles.join(' or ')}` : `${caller.kind} keys`))
    .join(', or ')}`;
}
