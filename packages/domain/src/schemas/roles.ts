/** The roles a signed-in user can hold, as plain data (ZRole in ./common.ts is the zod schema over it). */
export const ROLES = ['programme_manager', 'auditor', 'admin'] as const;
export type TRole = (typeof ROLES)[number];

/** Reasons are trimmed and 3–2000 characters (ZCommandMeta.reason and the workflows' payload checks). */
export const REASON_MIN = 3;
export const REASON_MAX = 2000;
export const REASON_TOO_SHORT = 'Give a reason of at least 3 characters';
export const REASON_TOO_LONG = 'Reason must be at most 2000 characters';
