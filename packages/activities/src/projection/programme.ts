import type { PrismaClient } from '@ip/db';
import type { TProgrammeState } from '@ip/domain';

/**
 * Projects a programme's state into the PostgreSQL read model. Idempotent and monotonic: a retried
 * or late activity carrying an older stateVersion never overwrites a newer one.
 */
export async function projectProgrammeState(prisma: PrismaClient, state: TProgrammeState): Promise<void> {
  const authority = await prisma.localAuthority.upsert({
    where: { onsCode: state.onsCode },
    update: {},
    create: { onsCode: state.onsCode, name: state.authorityName },
  });
  const plan = state.clocks.find((c) => c.name === 'actionPlan');
  const publish = state.clocks.find((c) => c.name === 'publishReport');
  const row = {
    authorityId: authority.id,
    cycle: state.cycle,
    phase: state.phase,
    grade: state.grade,
    reportReceivedOn: state.inspection?.reportReceivedOn ?? null,
    publishDueOn: publish?.dueOn ?? null,
    actionPlanDueOn: plan?.dueOn ?? null,
    actionPlanDueAt: plan ? new Date(plan.dueAt) : null,
    state: state as unknown as object,
    stateVersion: state.version,
    startedAt: new Date(state.startedAt),
  };
  const updated = await prisma.programme.updateMany({
    where: { id: state.programmeId, stateVersion: { lt: state.version } },
    data: row,
  });
  if (updated.count === 0) {
    try {
      await prisma.programme.create({ data: { id: state.programmeId, ...row } });
    } catch (err) {
      // Unique violation: the row exists with a version >= ours, so there is nothing to do.
      if ((err as { code?: string }).code !== 'P2002') throw err;
      return;
    }
  }
  if (state.grade) {
    await prisma.localAuthority.update({ where: { id: authority.id }, data: { currentGrade: state.grade } });
  }
}
