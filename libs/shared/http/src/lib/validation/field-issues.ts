import type { FieldIssue } from '@supply-hub/errors';

/** A Standard Schema issue (the spec's shape, declared here rather than importing a transitive package). */
export interface SchemaIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }>;
}

/**
 * Standard Schema issues as FieldIssues with dotted paths under a root naming the input
 * (`body.lines.0.quantity`, `query.limit`, `params.id`), so a client knows what to fix.
 */
export function fieldIssuesOf(issues: readonly SchemaIssue[], root: string | undefined): FieldIssue[] {
  return issues.map((issue) => {
    const segments = (issue.path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment));
    const path = (root ? [root, ...segments] : segments).join('.');
    return { path, message: issue.message };
  });
}
