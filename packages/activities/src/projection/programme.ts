import type { PrismaClient } from '@ip/db';
import type { TProgrammeState } from '@ip/domain';
import { moveForward } from './monotonic.js';

/** The cycle's plan clock: the 70-WD action plan, or the priority-action plan after a focused visit. */
function currentPlanClock(state: TProgrammeState) {
  return state.clocks.findLast((c) => c.name === 'actionPlan' || c.name === 'priorityActionPlan');
}

/** Where the current cycle's plan stands, from the programme's state. */
export function planStatus(state: Pick<TProgrammeState, 'planSubmittedOn' | 'planResponse'>): 'drafting' | 'submitted' | 'accepted' | 'returned' {
  if (state.planResponse) return state.planResponse.outcome;
  return state.planSubmittedOn ? 'submitted' : 'drafting';
}

/**
 * Projects a programme's state into the PostgreSQL read model: the programme row, its current
 * inspection and its current cycle's action plan. Idempotent and monotonic: a retried or late
 * activity carrying an older stateVersion never overwrites a newer one (see moveForward).
 */
/** `replaceSameVersion`: a rebuild also rewrites a row at the same version (repairing a gap in its logs). */
export async function projectProgrammeState(prisma: PrismaClient, state: TProgrammeState, opts: { replaceSameVersion?: boolean } = {}): Promise<boolean> {
  const authority = await prisma.localAuthority.upsert({
    where: { onsCode: state.onsCode },
    update: {},
    create: { onsCode: state.onsCode, name: state.authorityName },
  });
  const row = { ...programmeRow(state, authority.id), stoppedAt: null, stoppedReason: null };
  const older = { id: state.programmeId, stateVersion: opts.replaceSameVersion ? { lte: state.version } : { lt: state.version } };
  const wrote = await moveForward({
    updateOlder: () => prisma.programme.updateMany({ where: older, data: row }),
    insert: () => prisma.programme.createMany({ data: [{ id: state.programmeId, ...row }], skipDuplicates: true }),
  });
  await projectProgrammeSideTables(prisma, state, { newest: wrote });
  return wrote;
}

/**
 * What a programme's projection writes besides its own row: the authority's current grade, the
 * current inspection and the current cycle's action plan, each monotonic by stateVersion. Needs only
 * the state's core (no logs), so a delta projection calls it too. Idempotent: a retry writes nothing new.
 */
export async function projectProgrammeSideTables(prisma: PrismaClient, state: TProgrammeState, opts: { newest: boolean }): Promise<void> {
  // Only the newest state may set the authority's grade (a late, older projection must not revert it).
  if (opts.newest && state.grade) await prisma.localAuthority.updateMany({ where: { onsCode: state.onsCode }, data: { currentGrade: state.grade } });
  if (!state.inspection && !currentPlanClock(state)) return;
  const authority = await prisma.localAuthority.findUniqueOrThrow({ where: { onsCode: state.onsCode }, select: { id: true } });
  await projectInspection(prisma, state, authority.id);
  await projectActionPlan(prisma, state, authority.id);
}

/** The columns lists sort and filter by, from the state (its core is enough), with their SQL names. */
export function programmeColumns(state: TProgrammeState) {
  const plan = state.clocks.find((c) => c.name === 'actionPlan');
  const publish = state.clocks.find((c) => c.name === 'publishReport');
  const text = (name: string, value: string | null) => ({ column: { name, cast: 'text' as const }, value });
  return {
    cycle: { column: { name: 'cycle', cast: 'int' as const }, value: state.cycle },
    phase: text('phase', state.phase),
    grade: text('grade', state.grade),
    reportReceivedOn: text('report_received_on', state.inspection?.reportReceivedOn ?? null),
    publishDueOn: text('publish_due_on', publish?.dueOn ?? null),
    actionPlanDueOn: text('action_plan_due_on', plan?.dueOn ?? null),
    actionPlanDueAt: { column: { name: 'action_plan_due_at', cast: 'timestamptz' as const }, value: plan ? new Date(plan.dueAt).toISOString() : null },
  };
}

/** A programme's read-model row (all but its id) for a state. */
function programmeRow(state: TProgrammeState, authorityId: string) {
  const c = programmeColumns(state);
  return {
    authorityId,
    cycle: state.cycle,
    phase: state.phase,
    grade: state.grade,
    reportReceivedOn: c.reportReceivedOn.value,
    publishDueOn: c.publishDueOn.value,
    actionPlanDueOn: c.actionPlanDueOn.value,
    actionPlanDueAt: c.actionPlanDueAt.value ? new Date(c.actionPlanDueAt.value) : null,
    state: state as unknown as object,
    stateVersion: state.version,
    startedAt: new Date(state.startedAt),
  };
}

/**
 * The read-model row of a programme that has just started, for the API's create to show at once: the
 * state the workflow starts from, at a version below the workflow's own first projection (which
 * then supersedes it through projectProgrammeState, whichever lands first). A start has no
 * inspection or plan yet, so this row is all there is to write.
 */
export function startedProgrammeRow(state: TProgrammeState, authorityId: string, updatedAt = new Date()) {
  if (state.inspection || state.clocks.length > 0) throw new Error('startedProgrammeRow: not the state of a start');
  return { id: state.programmeId, ...programmeRow(state, authorityId), stoppedAt: null, stoppedReason: null, updatedAt };
}

/** Writes a just-started programme's row unless one is there already (one INSERT … ON CONFLICT DO NOTHING). */
export async function insertStartedProgramme(prisma: PrismaClient, row: ReturnType<typeof startedProgrammeRow>): Promise<boolean> {
  return (await prisma.programme.createMany({ data: [row], skipDuplicates: true })).count > 0;
}

async function projectInspection(prisma: PrismaClient, state: TProgrammeState, authorityId: string): Promise<void> {
  const i = state.inspection;
  if (!i) return;
  const id = `${state.programmeId}/inspection/${i.reportReceivedOn}`;
  const data = {
    programmeId: state.programmeId,
    authorityId,
    cycle: state.cycle,
    // Every re-inspection ends a cycle (previousCycles), whatever its grade; the first inspection does not.
    kind: state.previousCycles.length > 0 ? 're-inspection' : 'inspection',
    type: i.type,
    overallEffectiveness: i.judgements.overallEffectiveness,
    judgements: i.judgements,
    fieldworkStartedOn: i.fieldworkStartedOn,
    fieldworkEndedOn: i.fieldworkEndedOn,
    reportReceivedOn: i.reportReceivedOn,
    leadInspector: i.leadInspector ?? null,
    stateVersion: state.version,
  };
  await moveForward({
    updateOlder: () => prisma.inspection.updateMany({ where: { id, stateVersion: { lt: state.version } }, data }),
    insert: () => prisma.inspection.createMany({ data: [{ id, ...data }], skipDuplicates: true }),
  });
}

async function projectActionPlan(prisma: PrismaClient, state: TProgrammeState, authorityId: string): Promise<void> {
  const clock = currentPlanClock(state);
  if (!clock) return;
  const id = `${state.programmeId}/plan/${state.cycle}`;
  const data = {
    programmeId: state.programmeId,
    authorityId,
    cycle: state.cycle,
    status: planStatus(state),
    dueOn: clock.dueOn,
    dueAt: new Date(clock.dueAt),
    submittedOn: state.planSubmittedOn,
    responseOutcome: state.planResponse?.outcome ?? null,
    responseLetterOn: state.planResponse?.letterOn ?? null,
    responseComments: state.planResponse?.comments ?? null,
    stateVersion: state.version,
  };
  await moveForward({
    updateOlder: () => prisma.actionPlan.updateMany({ where: { id, stateVersion: { lt: state.version } }, data }),
    insert: () => prisma.actionPlan.createMany({ data: [{ id, ...data }], skipDuplicates: true }),
  });
}
