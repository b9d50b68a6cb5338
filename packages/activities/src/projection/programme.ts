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
  const older = { id: state.programmeId, stateVersion: { lt: state.version } };
  let wrote = (await prisma.programme.updateMany({ where: older, data: row })).count > 0;
  if (!wrote) {
    wrote = (await prisma.programme.createMany({ data: [{ id: state.programmeId, ...row }], skipDuplicates: true })).count > 0;
    // Lost a race with another first projection: the row exists now, so move it forward if ours is newer.
    if (!wrote) wrote = (await prisma.programme.updateMany({ where: older, data: row })).count > 0;
  }
  // Only the newest state may set the authority's grade (a late, older projection must not revert it).
  if (wrote && state.grade) {
    await prisma.localAuthority.update({ where: { id: authority.id }, data: { currentGrade: state.grade } });
  }
}
