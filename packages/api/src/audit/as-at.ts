/**
 * The state of a programme or an action "as at" an instant or a history event, rebuilt from its
 * history through the workflow's own decisions and the domain reducer (see the folds). The view is
 * what the workflow's query would have returned at that instant.
 */
import { actionView, withLogBase, type ActionView, type TActionState, type TInformationRequestState, type TInterventionState, type TMonitoringVisitState, type TProgrammeState } from '@ip/domain';
import type { ProgrammeView } from '@ip/workflows/definitions';
import {
  informationRequestMachine, informationRequestView, interventionMachine, interventionView, monitoringVisitMachine, monitoringVisitView, programmeView,
} from '@ip/workflows/events';
import { foldMachineRuns, isMachineRun } from './machine-fold.js';
import { activationsOf } from './activations.js';
import { Cutoff } from './fold.js';
import { decodePayloads } from './raw.js';
import { foldAction } from './action-fold.js';
import type { AsAtPoint, FoldOptions } from './fold.js';
import type { WorkflowHistory } from './history-source.js';
import { foldProgramme } from './programme-fold.js';

export type WorkflowKind = 'programme' | 'action' | 'monitoring_visit' | 'intervention' | 'information_request' | 'kpi_return' | 'other';

const KINDS: Record<string, WorkflowKind> = {
  programmeWorkflow: 'programme',
  actionWorkflow: 'action',
  monitoringVisitWorkflow: 'monitoring_visit',
  interventionWorkflow: 'intervention',
  informationRequestWorkflow: 'information_request',
  kpiReturnWorkflow: 'kpi_return',
};
export function workflowKindOf(workflowType: string): WorkflowKind {
  return KINDS[workflowType] ?? 'other';
}

export interface AsAt<S, V> {
  workflowId: string;
  /** The instant the view is computed at: the point's instant, or the workflow time of the event. */
  at: number | null;
  /** The state with every log entry, as the read model holds it. */
  state: S | null;
  view: V | null;
  /**
   * The view as the workflow's own run held it (its logs trimmed after continue-as-new): what a live
   * Query at that instant returned. Tests compare it with the Query.
   */
  runView: V | null;
}

/** The instant a view is computed at for a point. */
function viewInstant(point: AsAtPoint, lastAt: number | null): number | null {
  return 'at' in point ? point.at : lastAt;
}

export function programmeAsAt(history: WorkflowHistory, point: AsAtPoint, opts: Omit<FoldOptions, 'until'> = {}): AsAt<TProgrammeState, ProgrammeView> {
  if (workflowKindOf(history.workflowType) !== 'programme') throw new Error(`workflowId: ${history.workflowId} is not a programme`);
  const fold = foldProgramme(history, { ...opts, until: point });
  const at = viewInstant(point, fold.lastAt);
  const view = fold.state && fold.args && at !== null ? programmeView(fold.args, fold.state, at) : null;
  const runView = fold.state && fold.args && at !== null ? programmeView(fold.args, withLogBase(fold.state, fold.runLogBase), at) : null;
  return { workflowId: history.workflowId, at, state: fold.state, view, runView };
}

export function actionAsAt(history: WorkflowHistory, point: AsAtPoint, opts: Omit<FoldOptions, 'until'> = {}): AsAt<TActionState, ActionView> {
  if (workflowKindOf(history.workflowType) !== 'action') throw new Error(`workflowId: ${history.workflowId} is not an action`);
  const fold = foldAction(history, { ...opts, until: point });
  const at = viewInstant(point, fold.lastAt);
  const view = fold.state && at !== null ? actionView(fold.state, at, fold.ctx.calendar) : null;
  const runView = fold.state && at !== null ? actionView(withLogBase(fold.state, fold.runLogBase), at, fold.ctx.calendar) : null;
  return { workflowId: history.workflowId, at, state: fold.state, view, runView };
}

type LifecycleState = TMonitoringVisitState | TInterventionState | TInformationRequestState;
const LIFECYCLES = {
  monitoring_visit: { machine: monitoringVisitMachine, view: monitoringVisitView },
  intervention: { machine: interventionMachine, view: interventionView },
  information_request: { machine: informationRequestMachine, view: informationRequestView },
} as const;

/**
 * A monitoring visit, DfE intervention or information request "as at": machine runs are folded
 * through their machine; the first version's runs (which projected their whole state on every
 * change) are read from the last state they projected at or before the point.
 */
export function lifecycleAsAt(history: WorkflowHistory, point: AsAtPoint, opts: Omit<FoldOptions, 'until'> = {}): AsAt<LifecycleState, ReturnType<typeof monitoringVisitView> | ReturnType<typeof interventionView> | ReturnType<typeof informationRequestView>> {
  const kind = workflowKindOf(history.workflowType);
  if (kind !== 'monitoring_visit' && kind !== 'intervention' && kind !== 'information_request') {
    throw new Error(`workflowId: ${history.workflowId} is not a monitoring visit, intervention or information request`);
  }
  const l = LIFECYCLES[kind];
  const machineFrom = history.runs.findIndex(isMachineRun);
  const first = machineFrom < 0 ? history.runs.length : machineFrom;
  const legacy = lastProjectedState(history, point, first);
  const fold = first < history.runs.length
    ? foldMachineRuns(l.machine as never, history, { ...opts, until: point, firstRun: first, initial: { state: legacy.state as never, args: null, runLogBase: undefined, lastAt: legacy.lastAt } })
    : { state: legacy.state, runLogBase: undefined, lastAt: legacy.lastAt };
  const at = viewInstant(point, fold.lastAt);
  const state = fold.state as LifecycleState | null;
  const view = (s: LifecycleState) => (l.view as (x: LifecycleState, t: number) => ReturnType<typeof l.view>)(s, at!);
  return {
    workflowId: history.workflowId, at, state,
    view: state && at !== null ? view(state) : null,
    runView: state && at !== null ? view(withLogBase(state, fold.runLogBase)) : null,
  };
}

/** The first version's runs: the last whole state a projectLifecycleRecord activity was given, up to the point. */
function lastProjectedState(history: WorkflowHistory, point: AsAtPoint, runs: number): { state: unknown; lastAt: number | null } {
  const cutoff = new Cutoff(history, point);
  let state: unknown = null;
  let lastAt: number | null = null;
  for (let i = 0; i < runs && cutoff.includesRun(i); i++) {
    for (const a of activationsOf(history.runs[i]!.history)) {
      if (!cutoff.includes(i, a)) break;
      lastAt = a.at;
      for (const c of a.commands) {
        const s = c.activityTaskScheduledEventAttributes;
        if (s?.activityType?.name !== 'projectLifecycleRecord') continue;
        const input = decodePayloads(s.input)[0] as { state?: unknown } | undefined;
        if (input?.state) state = input.state;
      }
    }
  }
  return { state, lastAt };
}
