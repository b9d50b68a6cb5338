import { z } from 'zod';
import { REASON_MAX, REASON_MIN, REASON_TOO_LONG, REASON_TOO_SHORT, ROLES } from './roles.js';

/** The roles a signed-in user can hold. Every procedure declares which of these may call it. */
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

/** Who did something. Every human command carries one, so the audit trail can name them. */
export const ZActor = z.object({
  userId: z.string().min(1),
  role: ZRole,
  name: z.string().optional(),
});
export type TActor = z.infer<typeof ZActor>;

/**
 * Fields every state-changing command carries: a client-generated request id (a retried command has
 * exactly one effect) and the reason the user gave (auditors read it later).
 */
export const ZCommandMeta = z.object({
  clientRequestId: z
    .string()
    .min(8, 'clientRequestId must be at least 8 characters')
    .max(100, 'clientRequestId must be at most 100 characters'),
  reason: z
    .string()
    .trim()
    .min(REASON_MIN, REASON_TOO_SHORT)
    .max(REASON_MAX, REASON_TOO_LONG),
});
export type TCommandMeta = z.infer<typeof ZCommandMeta>;

/** An admin restarts a workflow that stopped without finishing, from its last good state. */
export const ZRestartWorkflowInput = ZCommandMeta.extend({
  workflowId: z.string().min(1).max(300),
});
export type TRestartWorkflowInput = z.infer<typeof ZRestartWorkflowInput>;

/** The workflows that stopped without finishing, optionally of one programme. */
export const ZStoppedWorkflowsInput = z.object({ programmeId: z.string().min(1).max(300).optional() }).strict();
