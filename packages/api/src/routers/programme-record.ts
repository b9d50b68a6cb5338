import type { PrismaClient } from '@ip/db';
import { stoppedOf } from './action-record.js';
import { clockViews, defaultCalendar, londonDateOf, ZProgrammeState } from '@ip/domain';

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
    actionPlanWorkingDaysLeft: plan && plan.status !== 'met' && state.phase === 'action_planning' ? plan.workingDaysLeft : null,
    stateVersion: row.stateVersion,
    stopped: stoppedOf(row),
    startedAt: row.startedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    clocks: clocks.map((c) => {
      // A clock that has stopped counts no more days: a late one reads "done, N working days late",
      // counted to the business date when the state keeps it (the plan's), else to when it was recorded.
      const closedOn = c.closedAt === null ? null : (c.name === 'actionPlan' && state.planSubmittedOn) || londonDateOf(c.closedAt);
      const workingDaysLate = closedOn !== null && c.status === 'breached' ? Math.max(0, calendar.workingDaysBetween(c.dueOn, closedOn)) : null;
      return { ...c, dueAt: new Date(c.dueAt).toISOString(), closedOn, workingDaysLate };
    }),
    /** The inspection this cycle answers (judgement grid); null until one is recorded. */
    inspection: state.inspection,
    visits: state.visits,
    planSubmittedOn: state.planSubmittedOn,
    planResponse: state.planResponse,
    history: state.history.map((h) => ({ ...h, at: new Date(h.at).toISOString() })),
  };
}
export type ProgrammeRecord = ReturnType<typeof toProgrammeRecord>;

