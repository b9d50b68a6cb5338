import type { PrismaClient } from '@ip/db';
import { stoppedOf } from './action-record.js';
import { clockViews, defaultCalendar, ZProgrammeState } from '@ip/domain';

export type ProgrammeRow = NonNullable<Awaited<ReturnType<PrismaClient['programme']['findFirst']>>> & {
  authority: { name: string; onsCode: string };
};

/** The programme record the console shows: read-model row plus live working-day countdowns. */
export function toProgrammeRecord(row: ProgrammeRow, nowMs: number) {
  const state = ZProgrammeState.parse(row.state);
  const calendar = defaultCalendar();
  const clocks = clockViews(state, nowMs, calendar);
  const plan = clocks.find((c) => c.name === 'actionPlan');
  return {
    id: row.id,
    authorityId: row.authorityId,
    authorityName: row.authority.name,
    onsCode: row.authority.onsCode,
    cycle: row.cycle,
    phase: state.phase,
    grade: state.grade,
    reportReceivedOn: row.reportReceivedOn,
    publishDueOn: row.publishDueOn,
    actionPlanDueOn: row.actionPlanDueOn,
    // Negative once overdue; null when there is no plan clock or the plan went in.
    actionPlanWorkingDaysLeft: plan && (plan.status === 'running' || plan.status === 'overdue') && state.phase === 'action_planning' ? plan.workingDaysLeft : null,
    stateVersion: row.stateVersion,
    stopped: stoppedOf(row),
    startedAt: row.startedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    // Status, done date and working days late come from the domain's one clock rule (clockOutcome).
    clocks: clocks.map((c) => ({ ...c, dueAt: new Date(c.dueAt).toISOString() })),
    /** The inspection this cycle answers (judgement grid); null until one is recorded. */
    inspection: state.inspection,
    visits: state.visits,
    planSubmittedOn: state.planSubmittedOn,
    planResponse: state.planResponse,
    history: state.history.map((h) => ({ ...h, at: new Date(h.at).toISOString() })),
  };
}
export type ProgrammeRecord = ReturnType<typeof toProgrammeRecord>;

