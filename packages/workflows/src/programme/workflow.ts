/**
 * programmeWorkflow — one authority's improvement programme, from the inspection to exit.
 *
 * Models BRIEF (a), LA inspection track: inspection recorded → (inadequate / requires improvement)
 * action planning → plan submitted → Ofsted accepts or returns it → (inadequate) monitoring, with a
 * child monitoringVisitWorkflow per visit → re-inspection → exit when no longer inadequate, or a new
 * cycle. Requires improvement: plan, then routine with focused visits / annual engagement meetings,
 * where "areas for priority action" start the 20 WD draft and 70 WD plan clocks.
 * Clocks (working days per SI 2007/462, deadlines at the end of the due date in Europe/London):
 *  - publish the report within 30 WD of receipt (SI 2007/462),
 *  - submit the action plan within 70 WD of receipt (Ofsted / council practice; clause unconfirmed),
 *  - back-scheduled plan milestones and a 4-month monitoring gap (BRIEF (b), proposed),
 *  - priority-action draft 20 WD / plan 70 WD after a focused visit letter (S16).
 * Each clock runs an escalation ladder (reminders before, escalations after); every step raised is
 * recorded exactly once, with an id derived from the step; steps found due long after their instant
 * follow the late-escalation rule (domain escalation/late.ts).
 *
 * It runs as a machine (./machine.ts, ../machine/runner.ts): small history, projections as deltas,
 * continue-as-new once idle (no Update in flight, no visit running). Programmes the first versions
 * started keep running them (./legacy-workflow.ts) until they continue as new into this.
 */
import { patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '@ip/activities';
import { kpiReturnScheduleOptions } from '../kpi-return/definitions.js';
import { MACHINE_PATCH } from '../machine/spec.js';
import { runMachine } from '../machine/runner.js';
import { programmeStateQuery } from './definitions.js';
import { legacyProgrammeWorkflow } from './legacy-workflow.js';
import { programmeMachine, type ProgrammeRunArgs } from './machine.js';
import { programmeView } from './steps.js';

const { ensureSchedule } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export async function programmeWorkflow(args: ProgrammeRunArgs): Promise<unknown> {
  if (!patched(MACHINE_PATCH)) return legacyProgrammeWorkflow(args);
  return runMachine(programmeMachine(args), args, {
    query: { name: programmeStateQuery.name, view: (s, at) => programmeView(args, s, at) },
    // The monthly KPI-return Schedule, beside the first projection (idempotent).
    onFreshStart: (s) => ensureSchedule(kpiReturnScheduleOptions(s.programmeId, workflowInfo().taskQueue)),
  });
}
