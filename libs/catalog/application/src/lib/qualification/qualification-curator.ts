/** Who suspends and reinstates SKUs for qualifications, on the products (curation's `by`) and in the audit log. */
export const QUALIFICATION_CURATOR = 'system:qualifications';
export const QUALIFICATION_AUDIT_ACTOR = { kind: 'system', sub: 'qualification-monitor' } as const;
