/**
 * Scenarios that produce the golden histories: each drives a real workflow on the time-skipping
 * server through a path worth protecting, and returns the workflow id. Histories captured from them
 * are committed (packages/workflows/histories/) and replayed against the current code in CI, so a
 * change that would break running workflows fails the build unless it is guarded with patched().
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { defaultCalendar, londonDateOf } from '@ip/domain';
import { recordInspectionUpdate, submitPlanUpdate, type ProgrammeWorkflowArgs } from '../src/definitions.js';
import {
  approveActionExtensionUpdate, attachActionEvidenceUpdate, requestActionExtensionUpdate, requestActionSignOffUpdate, signOffActionUpdate,
  updateActionProgressUpdate, type ActionWorkflowArgs,
} from '../src/action/definitions.js';
import type { ActionRunArgs } from '../src/action/machine.js';
import { answerInformationRequestUpdate } from '../src/information-request/definitions.js';
import { recordInterventionStepUpdate } from '../src/intervention/definitions.js';
import { runFullCycle } from '../src/scenario/full-cycle.js';

export interface Scenario {
  name: string;
  /** Returns the workflow id(s) whose histories to keep. */
  run(env: TestWorkflowEnvironment, taskQueue: string): Promise<string | string[]>;
}

const actor = { userId: 'u-pm', role: 'programme_manager' as const, name: 'Priya Shah' };

function programmeArgs(id: string): ProgrammeWorkflowArgs {
  return { programmeId: id, onsCode: 'E09000099', authorityName: 'Northmoor Borough Council', cycle: 1, actor, reason: 'Judged inadequate' };
}

/** Inadequate: report received, the 30 WD publish clock fires, the plan goes in. */
function inadequatePlanSubmitted(id: string): Scenario['run'] {
  return async (env, taskQueue) => {
    const handle = await env.client.workflow.start('programmeWorkflow', { workflowId: id, taskQueue, args: [programmeArgs(id)] });
    const today = londonDateOf(await env.currentTimeMs());
    await handle.executeUpdate(recordInspectionUpdate, {
      args: [{ actor, reason: 'Report received', inspection: { type: 'standard', fieldworkStartedOn: today, fieldworkEndedOn: today, reportReceivedOn: today, judgements: { overallEffectiveness: 'inadequate' } } }],
    });
    await env.sleep('60 days'); // the 30 WD publish clock fires
    await handle.executeUpdate(submitPlanUpdate, { args: [{ actor, reason: 'Signed off by cabinet', submittedOn: londonDateOf(await env.currentTimeMs()) }] });
    await env.sleep('1 day');
    return id;
  };
}

/** An information request answered after `wait` (the reminder and, when late, the escalation on the way). */
function informationRequestAnswered(id: string, wait: string): Scenario['run'] {
  return async (env, taskQueue) => {
    const cal = defaultCalendar();
    const today = londonDateOf(await env.currentTimeMs());
    const handle = await env.client.workflow.start('informationRequestWorkflow', { workflowId: id, taskQueue, args: [{
      onsCode: 'E09000099', requester: { kind: 'committee', name: 'Children and Young People Scrutiny Panel' },
      subject: 'Explain social worker churn', requestedOn: today, dueOn: cal.addWorkingDays(today, 20) }] });
    await env.sleep(wait);
    await handle.executeUpdate(answerInformationRequestUpdate, { args: [{ actor, reason: 'Sent to the panel clerk', answeredOn: londonDateOf(await env.currentTimeMs()), summary: 'Exit interview analysis attached' }] });
    return id;
  };
}

/** A statutory direction, the commissioner's report and the decision to remain with the council. */
function interventionDirectionRemain(id: string): Scenario['run'] {
  return async (env, taskQueue) => {
    const handle = await env.client.workflow.start('interventionWorkflow', { workflowId: id, taskQueue, args: [{ onsCode: 'E09000099', authorityName: 'Northmoor Borough Council' }] });
    const on = async () => londonDateOf(await env.currentTimeMs());
    await handle.executeUpdate(recordInterventionStepUpdate, { args: [{ actor, reason: 'DfE letter', step: { type: 'statutory_direction_issued', on: await on(), commissionerName: 'A Commissioner', commissionerAppointedOn: await on() } }] });
    await env.sleep('120 days');
    await handle.executeUpdate(recordInterventionStepUpdate, { args: [{ actor, reason: 'Report published', step: { type: 'commissioner_report_received', on: await on(), recommendation: 'remain_with_council' } }] });
    await handle.executeUpdate(recordInterventionStepUpdate, { args: [{ actor, reason: 'Secretary of State decision', step: { type: 'remain_with_council_decided', on: await on() } }] });
    await env.sleep('30 days');
    return id;
  };
}

export const SCENARIOS: Scenario[] = [
  { name: 'programme-inadequate-plan-submitted', run: inadequatePlanSubmitted('golden-programme-inadequate-plan-submitted') },
  // From the version that creates its own KPI-return Schedule (the ensureSchedule activity beside the
  // first projection, patched 'kpi-schedule-in-workflow'): the same path.
  { name: 'programme-v3-kpi-schedule', run: inadequatePlanSubmitted('golden-programme-v3-kpi-schedule') },
  {
    name: 'programme-good-routine',
    async run(env, taskQueue) {
      const id = 'golden-programme-good-routine';
      const handle = await env.client.workflow.start('programmeWorkflow', { workflowId: id, taskQueue, args: [programmeArgs(id)] });
      const today = londonDateOf(await env.currentTimeMs());
      await handle.executeUpdate(recordInspectionUpdate, {
        args: [{ actor, reason: 'Report received', inspection: { type: 'standard', fieldworkStartedOn: today, fieldworkEndedOn: today, reportReceivedOn: today, judgements: { overallEffectiveness: 'good' } } }],
      });
      await env.sleep('60 days');
      return id;
    },
  },
  {
    // Version 2 of the programme (escalation ladders) and four monitoring-visit children, end to end.
    name: 'programme-v2-full-cycle',
    async run(env, taskQueue) {
      const r = await runFullCycle(env, taskQueue, 'golden-programme-v2-full-cycle');
      return [r.programmeId, ...r.visitIds];
    },
  },
  {
    name: 'action-extension-approved',
    async run(env, taskQueue) {
      const id = 'golden-action-extension-approved';
      const cal = defaultCalendar();
      const today = londonDateOf(await env.currentTimeMs());
      const args: ActionWorkflowArgs = { actor, reason: 'From the plan', definition: {
        programmeId: 'golden-programme', title: 'Audit of front-door decisions', owner: { name: 'Head of MASH' },
        dueOn: cal.addWorkingDays(today, 30), ofstedLinked: true, recommendationRefs: ['R1'] } };
      const handle = await env.client.workflow.start('actionWorkflow', { workflowId: id, taskQueue, args: [args] });
      await env.sleep('10 days');
      await handle.executeUpdate(updateActionProgressUpdate, { args: [{ actor, reason: 'Monthly update', percentComplete: 40, note: 'Sampling done' }] });
      await handle.executeUpdate(requestActionExtensionUpdate, { args: [{ actor: { ...actor, userId: 'u-owner' }, reason: 'Auditor off sick', newDueOn: cal.addWorkingDays(today, 50), justification: 'Lead auditor on long-term sick leave' }] });
      await handle.executeUpdate(approveActionExtensionUpdate, { args: [{ actor, reason: 'Agreed at the board' }] });
      await env.sleep('100 days');
      return id;
    },
  },
  { name: 'information-request-answered', run: informationRequestAnswered('golden-information-request-answered', '20 days') },
  {
    name: 'kpi-return-run',
    async run(env, taskQueue) {
      const id = 'golden-kpi-return-run';
      await env.client.workflow.execute('kpiReturnWorkflow', { workflowId: id, taskQueue, args: [{ programmeId: 'golden-programme' }] });
      return id;
    },
  },
  { name: 'intervention-direction-remain', run: interventionDirectionRemain('golden-intervention-direction-remain') },
  // ---- The machine runner (patch 'machine-runner-v2'): small histories, deltas, continue-as-new. ----
  {
    // A short history limit, so the programme continues as new several times mid-cycle (with visits running).
    name: 'programme-m1-full-cycle',
    async run(env, taskQueue) {
      const r = await runFullCycle(env, taskQueue, 'golden-programme-m1-full-cycle', { continueAsNewAfterEvents: 60 });
      return [r.programmeId, ...r.visitIds];
    },
  },
  {
    // Entered 30 working days overdue: the late rule raises the highest step reached, once, marked
    // late; then weekly updates, evidence, an extension and sign-off, continuing as new every ~40 events.
    name: 'action-m1-overdue-weekly-extension',
    async run(env, taskQueue) {
      const id = 'golden-action-m1-overdue-weekly-extension';
      const cal = defaultCalendar();
      const today = londonDateOf(await env.currentTimeMs());
      const owner = { ...actor, userId: 'u-owner', name: 'Head of MASH' };
      const pm2 = { ...actor, userId: 'u-pm2', name: 'Tom Reid' };
      const args: ActionRunArgs = { actor, reason: 'From the plan, entered late', continueAsNewAfterEvents: 40, definition: {
        programmeId: 'golden-programme', title: 'Audit of front-door decisions', owner: { name: 'Head of MASH' },
        dueOn: cal.addWorkingDays(today, -30), ofstedLinked: true, recommendationRefs: ['R1'] } };
      const handle = await env.client.workflow.start('actionWorkflow', { workflowId: id, taskQueue, args: [args] });
      for (let week = 1; week <= 12; week++) {
        await env.sleep('7 days');
        await handle.executeUpdate(updateActionProgressUpdate, { args: [{ actor: owner, reason: 'Weekly update', percentComplete: Math.min(100, week * 8), note: `Week ${week}: sampling` }] });
        if (week === 4) {
          await handle.executeUpdate(requestActionExtensionUpdate, { args: [{ actor: owner, reason: 'Auditor off sick', newDueOn: cal.addWorkingDays(londonDateOf(await env.currentTimeMs()), 20), justification: 'Lead auditor on long-term sick leave' }] });
          await handle.executeUpdate(approveActionExtensionUpdate, { args: [{ actor: pm2, reason: 'Agreed at the board' }] });
        }
      }
      await handle.executeUpdate(updateActionProgressUpdate, { args: [{ actor: owner, reason: 'Done', percentComplete: 100, note: 'All sampled' }] });
      await handle.executeUpdate(attachActionEvidenceUpdate, { args: [{ actor: owner, reason: 'Evidence', title: 'Audit report', reference: 'QA-9' }] });
      await handle.executeUpdate(requestActionSignOffUpdate, { args: [{ actor: owner, reason: 'Complete' }] });
      await handle.executeUpdate(signOffActionUpdate, { args: [{ actor: pm2, reason: 'Evidence checked' }] });
      return id;
    },
  },
  { name: 'information-request-m1-answered', run: informationRequestAnswered('golden-information-request-m1-answered', '40 days') },
  { name: 'intervention-m1-direction-remain', run: interventionDirectionRemain('golden-intervention-m1-direction-remain') },
];
