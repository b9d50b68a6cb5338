/**
 * monitoringVisitWorkflow — one Ofsted monitoring visit (MV) of an inadequate authority, started by the
 * programme workflow as a child; returns a summary when the visit's follow-up is done.
 *
 * Lifecycle (BRIEF (a) MONITORING(n)): scheduled → fieldwork → letter_draft (accuracy check: the LA may
 * correct the draft [S11]) → published (findings recorded) → response (new actions confirmed) → closed;
 * cancelled from scheduled or fieldwork. MVs: 2 HMI, 2 days, a narrative, ungraded letter after each
 * [S7, S8, S11]; quarterly [S9, S10]; letters published [S9, S13]; Worcestershire had 5–6 [S12].
 * Clocks (durations in DEFAULT_CLOCKS, ladders in domain monitoring-visit/ladders.ts):
 *  - evidence pack due mvEvidencePackWD (10) WD before the planned start: reminders only. Local policy
 *    proposed in BRIEF (b), not a statutory or Ofsted deadline.
 *  - new actions in the plan within mvNewActionsWD (10) WD of publication: BRIEF (b), proposed local
 *    policy. Unconfirmed by then → one escalation (default: AD/DCS). The visit closes when this window
 *    ends, so actions can be added until then; if confirmed late it closes at once.
 * Working days per SI 2007/462 [S15].
 *
 * It runs as a machine (./machine.ts, ../machine/runner.ts): small history, projections as deltas,
 * continue-as-new, the late-escalation rule. Workflows the first version started keep running it
 * (./legacy-workflow.ts) until they grow long, then continue as new into this.
 */
import { patched } from '@temporalio/workflow';
import { MACHINE_PATCH } from '../machine/spec.js';
import { runMachine } from '../machine/runner.js';
import { monitoringVisitStateQuery } from './definitions.js';
import { legacyMonitoringVisitWorkflow } from './legacy-workflow.js';
import { monitoringVisitMachine, monitoringVisitView, type MonitoringVisitRunArgs } from './machine.js';

export async function monitoringVisitWorkflow(args: MonitoringVisitRunArgs): Promise<unknown> {
  if (!patched(MACHINE_PATCH)) return legacyMonitoringVisitWorkflow(args);
  return runMachine(monitoringVisitMachine(), args, { query: { name: monitoringVisitStateQuery.name, view: monitoringVisitView } });
}
