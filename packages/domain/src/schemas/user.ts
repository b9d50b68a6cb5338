import { z } from 'zod';
import { ZCommandMeta, ZRole } from './common.js';

/** At least 12 characters: NCSC guidance favours length over composition rules. */
export const ZNewPassword = z.string().min(12, 'Use at least 12 characters').max(200, 'Use at most 200 characters');

export const ZCreateUserInput = ZCommandMeta.extend({
  email: z.string().trim().toLowerCase().email('Enter a valid email address').max(254),
  name: z.string().trim().min(2, 'Enter the person’s name').max(200),
  role: ZRole,
  password: ZNewPassword,
});
export type TCreateUserInput = z.infer<typeof ZCreateUserInput>;

export const ZUpdateUserInput = z.object({
  id: z.string().min(1),
  data: ZCommandMeta.extend({ name: z.string().trim().min(2).max(200).optional(), role: ZRole.optional() }),
});
export type TUpdateUserInput = z.infer<typeof ZUpdateUserInput>;

/** Changing your own password is a command like any other: a retry (same request id) changes it once. */
export const ZChangePasswordInput = z.object({
  clientRequestId: ZCommandMeta.shape.clientRequestId,
  currentPassword: z.string().min(1, 'Enter your current password').max(200),
  newPassword: ZNewPassword,
});
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

/** Admin: lift a sign-in lockout, of an account (by email) or of a source address. */
export const ZUnlockSignInInput = ZCommandMeta.extend({
  kind: z.enum(['account', 'address']),
  /** The email (account) or IP address (address), as the lockout list shows it. */
  subject: z.string().trim().min(1, 'Say which account or address to unlock').max(254),
});
export type TUnlockSignInInput = z.infer<typeof ZUnlockSignInInput>;
