/**
 * Names shared by monitoringVisitWorkflow, the programme workflow that starts it as a child, the
 * worker and the API. Importing this file pulls in no workflow code.
 */
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { MONITORING_VISIT_COMMAND_NAMES, MONITORING_VISIT_COMMANDS } from '@ip/domain/workflow';
import type { UpdateReply } from '../machine/spec.js';
import type {
  LadderClockView,
  TMonitoringVisitArgsInput,
  TMonitoringVisitCommandName,
  TMonitoringVisitCommandPayload,
  TMonitoringVisitState,
  TMonitoringVisitSummary,
} from '@ip/domain/workflow';

/** One workflow per visit: `programme-E09000099-1-mv-2` is the second visit of that programme. */
export function monitoringVisitWorkflowId(programmeId: string, n: number): string {
  return `${programmeId}-mv-${n}`;
}

/** { programmeId, onsCode, authorityName, number, theme, plannedStartOn, ladder? (new-actions ladder) } */
export type MonitoringVisitWorkflowArgs = TMonitoringVisitArgsInput;
/** Returned when the follow-up is done (or the visit is cancelled). */
export type MonitoringVisitResult = TMonitoringVisitSummary;

/** What the query and every Update return: the full state plus the time left on each clock. */
export interface MonitoringVisitView extends Omit<TMonitoringVisitState, 'clocks'> {
  clocks: LadderClockView[];
  asAt: number;
}

/** The Update each visit command travels as, named by its declaration (domain monitoring-visit/declarations.ts). */
export type MonitoringVisitUpdate<K extends TMonitoringVisitCommandName> = UpdateDefinition<UpdateReply, [TMonitoringVisitCommandPayload<K>], string>;
export const MONITORING_VISIT_UPDATES = Object.fromEntries(
  MONITORING_VISIT_COMMAND_NAMES.map((name) => [name, defineUpdate<UpdateReply, [unknown]>(MONITORING_VISIT_COMMANDS[name].update)]),
) as { readonly [K in TMonitoringVisitCommandName]: MonitoringVisitUpdate<K> };

// Named for the tests, scenarios and the first workflow version that use them directly.
export const recordFieldworkUpdate = MONITORING_VISIT_UPDATES.recordFieldwork;
export const recordDraftLetterUpdate = MONITORING_VISIT_UPDATES.recordDraftLetter;
export const submitAccuracyCorrectionsUpdate = MONITORING_VISIT_UPDATES.submitAccuracyCorrections;
export const publishLetterUpdate = MONITORING_VISIT_UPDATES.publishLetter;
export const confirmNewActionsCreatedUpdate = MONITORING_VISIT_UPDATES.confirmNewActionsCreated;
export const cancelVisitUpdate = MONITORING_VISIT_UPDATES.cancelVisit;
/**
 * Full state plus time left on each clock. Pass the caller's clock (epoch ms): a query does not advance
 * workflow time, so without it "time left" is as at the workflow's last wake-up.
 */
export const monitoringVisitStateQuery = defineQuery<MonitoringVisitView, [asAtMs?: number]>('monitoringVisitState');
