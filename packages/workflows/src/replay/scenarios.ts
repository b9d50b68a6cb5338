/**
 * Scenarios that produce the golden histories: each drives a real workflow on the time-skipping
 * server through a path worth protecting, and returns the workflow id. Histories captured from them
 * are committed (packages/workflows/histories/) and replayed against the current code in CI, so a
 * change that would break running workflows fails the build unless it is guarded with patched().
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { londonDateOf } from '@ip/domain';
import { recordInspectionUpdate, submitPlanUpdate, type ProgrammeWorkflowArgs } from '../definitions.js';

export interface Scenario {
  name: string;
  run(env: TestWorkflowEnvironment, taskQueue: string): Promise<string>;
}

const actor = { userId: 'u-pm', role: 'programme_manager' as const, name: 'Priya Shah' };

function programmeArgs(id: string): ProgrammeWorkflowArgs {
  return { programmeId: id, onsCode: 'E09000099', authorityName: 'Northmoor Borough Council', cycle: 1, actor, reason: 'Judged inadequate' };
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'programme-inadequate-plan-submitted',
    async run(env, taskQueue) {
      const id = 'golden-programme-inadequate-plan-submitted';
      const handle = await env.client.workflow.start('programmeWorkflow', { workflowId: id, taskQueue, args: [programmeArgs(id)] });
      const today = londonDateOf(await env.currentTimeMs());
      await handle.executeUpdate(recordInspectionUpdate, {
        args: [{ actor, reason: 'Report received', inspection: { type: 'standard', fieldworkStartedOn: today, fieldworkEndedOn: today, reportReceivedOn: today, judgements: { overallEffectiveness: 'inadequate' } } }],
      });
      await env.sleep('60 days'); // the 30 WD publish clock fires
      await handle.executeUpdate(submitPlanUpdate, { args: [{ actor, reason: 'Signed off by cabinet', submittedOn: londonDateOf(await env.currentTimeMs()) }] });
      await env.sleep('1 day');
      return id;
    },
  },
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
];
