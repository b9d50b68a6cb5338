/**
 * The state of a programme or an action "as at" an instant or a history event, rebuilt from its
 * history through the workflow's own decisions and the domain reducer (see the folds). The view is
 * what the workflow's query would have returned at that instant.
 */
import { actionView, type ActionView, type TActionState, type TProgrammeState } from '@ip/domain';
import type { ProgrammeView } from '@ip/workflows/definitions';
import { programmeView } from '@ip/workflows/events';
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
  state: S | null;
  view: V | null;
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
  return { workflowId: history.workflowId, at, state: fold.state, view };
}

export function actionAsAt(history: WorkflowHistory, point: AsAtPoint, opts: Omit<FoldOptions, 'until'> = {}): AsAt<TActionState, ActionView> {
  if (workflowKindOf(history.workflowType) !== 'action') throw new Error(`workflowId: ${history.workflowId} is not an action`);
  const fold = foldAction(history, { ...opts, until: point });
  const at = viewInstant(point, fold.lastAt);
  const view = fold.state && at !== null ? actionView(fold.state, at, fold.ctx.calendar) : null;
  return { workflowId: history.workflowId, at, state: fold.state, view };
}
