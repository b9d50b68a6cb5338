/**
 * One full improvement cycle on the time-skipping server: inadequate → plan (with milestones, one
 * missed) → accepted → 4 monitoring visits (one late with its new actions; one gap over 4 months) →
 * re-inspection judged requires improvement → exit. Used by `npm run scenario` (prints the dated
 * timeline) and by a test that checks the same run.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addMonths, defaultCalendar, londonDateOf, type TActor } from '@ip/domain/workflow';
import {
  completeMilestoneUpdate,
  programmeStateQuery,
  publishReportUpdate,
  recordInspectionUpdate,
  recordPlanResponseUpdate,
  recordReinspectionUpdate,
  scheduleMonitoringVisitUpdate,
  submitPlanUpdate,
  type ProgrammeView,
  type ProgrammeWorkflowArgs,
} from '../definitions.js';
import {
  confirmNewActionsCreatedUpdate,
  monitoringVisitWorkflowId,
  publishLetterUpdate,
  recordDraftLetterUpdate,
  recordFieldworkUpdate,
} from '../monitoring-visit/definitions.js';

const pm: TActor = { userId: 'u-pm', role: 'programme_manager', name: 'Priya Shah (programme manager)' };
const THEMES = ['Front door', 'Children in need and child protection', 'Children in care', 'Care leavers'];

export interface ScenarioResult {
  programmeId: string;
  final: ProgrammeView;
  visitIds: string[];
}

export async function runFullCycle(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  programmeId = 'programme-E09000099-1',
  /** E.g. a short continueAsNewAfterEvents, so the run continues as new mid-cycle. */
  extra: Partial<ProgrammeWorkflowArgs> = {},
): Promise<ScenarioResult> {
  const cal = defaultCalendar();
  const now = async () => londonDateOf(await env.currentTimeMs());
  /** Advance the server clock to 10:00 London on `date` (working-day arithmetic picks the dates). */
  const until = async (date: string) => {
    const target = Date.parse(`${date}T10:00:00Z`);
    const ms = target - (await env.currentTimeMs());
    if (ms > 0) await env.sleep(ms);
  };
  const args: ProgrammeWorkflowArgs = { programmeId, onsCode: 'E09000099', authorityName: 'Northmoor Borough Council', cycle: 1, actor: pm, reason: 'Judged inadequate: the ILACS report has arrived', ...extra };
  const handle = await env.client.workflow.start('programmeWorkflow', { workflowId: programmeId, taskQueue, args: [args] });

  const received = cal.nextWorkingDay(await now());
  await until(received);
  await handle.executeUpdate(recordInspectionUpdate, { args: [{ actor: pm, reason: 'Final ILACS report received from Ofsted', inspection: {
    type: 'standard', fieldworkStartedOn: cal.addWorkingDays(received, -25), fieldworkEndedOn: cal.addWorkingDays(received, -16), reportReceivedOn: received, leadInspector: 'HMI (scenario)',
    judgements: { overallEffectiveness: 'inadequate', impactOfLeaders: 'inadequate', helpAndProtection: 'inadequate', childrenInCare: 'requires_improvement', careLeavers: 'requires_improvement' } } }] });
  const state = await handle.query(programmeStateQuery);
  const due = (name: string) => state.clocks.find((c) => c.name === name)!.dueOn;

  await until(cal.addWorkingDays(received, 18));
  await handle.executeUpdate(completeMilestoneUpdate, { args: [{ actor: pm, reason: 'Draft circulated to the DCS', milestone: 'draftPlan', completedOn: await now() }] });
  await until(cal.addWorkingDays(received, 25));
  await handle.executeUpdate(publishReportUpdate, { args: [{ actor: pm, reason: 'Report on the council website', publishedOn: await now() }] });
  // Scrutiny slips by three working days: the DCS is told when the milestone passes.
  await until(cal.addWorkingDays(due('scrutiny'), 3));
  await handle.executeUpdate(completeMilestoneUpdate, { args: [{ actor: pm, reason: 'Children and young people scrutiny panel', milestone: 'scrutiny', completedOn: await now() }] });
  await until(due('cabinet'));
  await handle.executeUpdate(completeMilestoneUpdate, { args: [{ actor: pm, reason: 'Cabinet approved the plan', milestone: 'cabinet', completedOn: await now() }] });
  await until(due('signOff'));
  await handle.executeUpdate(completeMilestoneUpdate, { args: [{ actor: pm, reason: 'Signed off by the DCS and lead member', milestone: 'signOff', completedOn: await now() }] });
  await until(cal.addWorkingDays(due('actionPlan'), -2));
  await handle.executeUpdate(submitPlanUpdate, { args: [{ actor: pm, reason: 'Submitted to Ofsted and the DfE', submittedOn: await now() }] });
  await until(cal.addWorkingDays(await now(), 15));
  await handle.executeUpdate(recordPlanResponseUpdate, { args: [{ actor: pm, reason: "Ofsted's letter on the plan", outcome: 'accepted', letterOn: await now(), comments: 'The plan addresses the recommendations' }] });

  const visitIds: string[] = [];
  for (let n = 1; n <= 4; n++) {
    // Visits about every three months; the third comes five months after the second (a gap).
    const gapMonths = n === 3 ? 5 : n === 1 ? 1 : 3;
    const planned = cal.workingDayOnOrAfter(addMonths(await now(), gapMonths));
    await handle.executeUpdate(scheduleMonitoringVisitUpdate, { args: [{ actor: pm, reason: 'Ofsted notified the council', number: n, theme: THEMES[n - 1]!, plannedStartOn: planned }] });
    const visit = env.client.workflow.getHandle(monitoringVisitWorkflowId(programmeId, n));
    visitIds.push(visit.workflowId);
    await until(planned);
    await visit.executeUpdate(recordFieldworkUpdate, { args: [{ actor: pm, reason: 'Two HMI on site', startedOn: planned, endedOn: cal.addWorkingDays(planned, 1), inspectors: ['HMI A', 'HMI B'] }] });
    await until(cal.addWorkingDays(planned, 15));
    await visit.executeUpdate(recordDraftLetterUpdate, { args: [{ actor: pm, reason: 'Draft letter for accuracy check', receivedOn: await now() }] });
    await until(cal.addWorkingDays(planned, 25));
    const publishedOn = await now();
    await visit.executeUpdate(publishLetterUpdate, { args: [{ actor: pm, reason: 'Letter published by Ofsted', publishedOn, findings: { areasOfProgress: ['Leaders have a clearer line of sight of practice'], areasForImprovement: [`${THEMES[n - 1]}: quality of plans remains variable`] } }] });
    // The second visit's new actions come late: the 10-working-day clock escalates.
    await until(cal.addWorkingDays(publishedOn, n === 2 ? 14 : 8));
    await visit.executeUpdate(confirmNewActionsCreatedUpdate, { args: [{ actor: pm, reason: 'Actions added to the plan', actionRefs: [`MV${n}-1`, `MV${n}-2`] }] });
    // The visit closes when its follow-up window ends; the programme hears of it from the child.
    for (let d = 0; d < 30 && (await handle.query(programmeStateQuery)).visits.at(-1)?.status !== 'closed'; d++) {
      await env.sleep('1 day');
    }
  }

  await until(cal.workingDayOnOrAfter(addMonths(await now(), 3)));
  const reReceived = await now();
  await handle.executeUpdate(recordReinspectionUpdate, { args: [{ actor: pm, reason: 'Re-inspection report received', inspection: {
    type: 'standard', fieldworkStartedOn: cal.addWorkingDays(reReceived, -25), fieldworkEndedOn: cal.addWorkingDays(reReceived, -16), reportReceivedOn: reReceived,
    judgements: { overallEffectiveness: 'requires_improvement', impactOfLeaders: 'requires_improvement', helpAndProtection: 'requires_improvement', childrenInCare: 'good', careLeavers: 'requires_improvement' } } }] });
  // Updates reply with the new version only; the state is what the Query returns.
  const final = await handle.query(programmeStateQuery);
  return { programmeId, final, visitIds };
}
