/**
 * Names shared by the workflows, the worker and the API: task queue, workflow ids, Updates and
 * Queries. Importing this file pulls in no workflow code.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { TActor, TInspection, TProgrammeState } from '@ip/domain';
import type { ClockView } from '@ip/domain';

export const TASK_QUEUE = 'improvement-programme';

/** One programme workflow per authority per improvement cycle. */
export function programmeWorkflowId(onsCode: string, cycle: number): string {
  return `programme-${onsCode}-${cycle}`;
}

export interface ProgrammeWorkflowArgs {
  programmeId: string;
  onsCode: string;
  authorityName: string;
  cycle: number;
  actor: TActor;
  reason: string;
}

/** What a query returns: the full state plus the time left on every clock. */
export interface ProgrammeView extends Omit<TProgrammeState, 'clocks'> {
  clocks: ClockView[];
  asAt: number;
}

export interface HumanCommand {
  actor: TActor;
  reason: string;
}

export const recordInspectionUpdate = defineUpdate<ProgrammeView, [HumanCommand & { inspection: TInspection }]>(
  'recordInspection',
);
export const submitPlanUpdate = defineUpdate<ProgrammeView, [HumanCommand & { submittedOn: string }]>(
  'submitPlan',
);
export const programmeStateQuery = defineQuery<ProgrammeView>('programmeState');
