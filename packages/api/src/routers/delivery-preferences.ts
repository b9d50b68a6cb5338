/**
 * How each person takes reminders and escalations: at once, or in a daily digest (issue 15). Keyed
 * by email address, because most people on a ladder (a board chair, a DfE adviser) never sign in:
 * an admin sets theirs; a signed-in person sets their own (self-service, like their password).
 * Escalations at director level and above are sent at once whatever is chosen.
 */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { DeliveryPreference } from '@ip/db';
import { ZSetDeliveryPreferenceInput, type TSetDeliveryPreferenceInput } from '@ip/domain';
import { recordAudit, snapshot } from '../audit.js';
import type { Context, SessionUser } from '../context.js';
import { commandKey, transactionalCommand } from '../receipts.js';
import { procedure, READERS, router } from '../trpc.js';
import { ADMINS } from './people.js';

function toPreferenceRecord(email: string, row: DeliveryPreference | null) {
  return {
    id: email,
    email,
    reminders: row?.reminders ?? 'immediate',
    escalations: row?.escalations ?? 'immediate',
    /** Never chosen: everything is sent at once. */
    isDefault: row === null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}
export type PreferenceRecord = ReturnType<typeof toPreferenceRecord>;

async function setPreference(ctx: Context & { user: SessionUser }, path: string, input: TSetDeliveryPreferenceInput) {
  return transactionalCommand(ctx, commandKey(ctx, path, input), async (tx) => {
      const before = await tx.deliveryPreference.findUnique({ where: { email: input.email } });
      const after = await tx.deliveryPreference.upsert({
        where: { email: input.email },
        create: { email: input.email, ...input.preference },
        update: input.preference,
      });
      await recordAudit(tx, ctx.user, {
        entity: 'delivery_preference', entityId: input.email, action: before ? 'update' : 'create', reason: input.reason,
        ...(before ? { before: snapshot(before) } : {}), after: snapshot(after),
      });
      return { data: toPreferenceRecord(input.email, after) };
  });
}

const ZEmailRef = z.object({ email: z.string().trim().toLowerCase().email('Enter a valid email address').max(254) });
const ZSetMine = ZSetDeliveryPreferenceInput.omit({ email: true });

export const deliveryPreferencesRouter = router({
  /** The preference of one address (admins: anyone's). */
  get: procedure(ADMINS)
    .input(ZEmailRef)
    .query(async ({ ctx, input }) => ({ data: toPreferenceRecord(input.email, await ctx.prisma.deliveryPreference.findUnique({ where: { email: input.email } })) })),
  /** Admin: set anyone's preference by email address, audited. */
  set: procedure(ADMINS)
    .input(ZSetDeliveryPreferenceInput)
    .mutation(({ ctx, input, path }) => setPreference(ctx, path, input)),
  /** The signed-in person's own preference (by the email address they sign in with). */
  mine: procedure(READERS).query(async ({ ctx }) => {
    const email = ctx.user.email.toLowerCase();
    return { data: toPreferenceRecord(email, await ctx.prisma.deliveryPreference.findUnique({ where: { email } })) };
  }),
  /**
   * Self-service: anyone signed in, auditors included, chooses how their own emails reach them. It
   * changes nothing about the programme, only the delivery of the caller's own mail.
   */
  setMine: procedure(READERS)
    .input(ZSetMine)
    .mutation(({ ctx, input, path }) => {
      const email = ctx.user.email.trim().toLowerCase();
      if (!z.email().safeParse(email).success) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'Your account has no valid email address' });
      return setPreference(ctx, path, { ...input, email });
    }),
});
