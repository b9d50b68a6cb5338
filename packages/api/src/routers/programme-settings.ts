/**
 * A programme's own rules that the API applies to commands: today whether sign-off needs separation
 * of duties (on by default: the signer is neither the requester nor the owner). Admins change them,
 * with a reason, in the audit trail; everyone may read them.
 */
import type { PrismaClient } from '@ip/db';
import { ZProgrammeSettingsInput } from '@ip/domain';
import { z } from 'zod';
import { recordAudit, snapshot, type Tx } from '../audit.js';
import { procedure, READERS, router } from '../trpc.js';
import { registerCommand, requireProgramme, rethrow } from './register-support.js';

const ADMINS = ['admin'] as const;

/** The defaults, for a programme no admin has configured. */
export const DEFAULT_PROGRAMME_SETTINGS = { signOffSeparation: true } as const;

export async function programmeSettingsOf(db: PrismaClient | Tx, programmeId: string) {
  const row = await db.programmeSettings.findUnique({ where: { programmeId } });
  return { programmeId, signOffSeparation: row?.signOffSeparation ?? DEFAULT_PROGRAMME_SETTINGS.signOffSeparation };
}

export const programmeSettingsRouter = router({
  get: procedure(READERS)
    .input(z.object({ programmeId: z.string().min(1) }))
    .query(async ({ ctx, input }) => ({ data: await programmeSettingsOf(ctx.prisma, input.programmeId) })),
  update: procedure(ADMINS)
    .input(ZProgrammeSettingsInput)
    .mutation(({ ctx, input, path }) =>
      registerCommand(ctx, { path, input }, rethrow, async (tx) => {
        const data = await (async () => {
          await requireProgramme(tx, input.programmeId);
          const before = await programmeSettingsOf(tx, input.programmeId);
          await tx.programmeSettings.upsert({
            where: { programmeId: input.programmeId },
            create: { programmeId: input.programmeId, signOffSeparation: input.signOffSeparation },
            update: { signOffSeparation: input.signOffSeparation },
          });
          const after = await programmeSettingsOf(tx, input.programmeId);
          await recordAudit(tx, ctx.user, {
            entity: 'programme_settings', entityId: input.programmeId, action: 'update', reason: input.reason, before: snapshot(before), after: snapshot(after),
          });
          return after;
        })();
        return { data };
      }),
    ),
});
