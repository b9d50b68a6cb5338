/** The monitoring-visit workflow as a machine (../machine/ladder-clock-machine.ts). Pure and workflow-safe. */
import {
  checkedLadder, checkedPayload, DEFAULT_MV_NEW_ACTIONS_LADDER, defaultMonitoringVisitContext, isMonitoringVisitFinished, ladderClockViews,
  MONITORING_VISIT_COMMAND_NAMES, MONITORING_VISIT_COMMANDS, monitoringVisitCommandEvent, monitoringVisitSummary, nextMonitoringVisitTimer,
  reduceMonitoringVisit, type TMonitoringVisitArgs, type TMonitoringVisitEvent, type TMonitoringVisitState,
} from '@ip/domain/workflow';
import { ladderClockMachine } from '../machine/ladder-clock-machine.js';
import type { RunArgs } from '../machine/spec.js';
import type { MonitoringVisitView, MonitoringVisitWorkflowArgs } from './definitions.js';

type E = TMonitoringVisitEvent;
export type MonitoringVisitRunArgs = MonitoringVisitWorkflowArgs & RunArgs<TMonitoringVisitState>;

/** Update name → the event it becomes, one per declared command (domain monitoring-visit/declarations.ts). */
const UPDATES = Object.fromEntries(MONITORING_VISIT_COMMAND_NAMES.map((name) => [
  MONITORING_VISIT_COMMANDS[name].update, (payload: unknown, at: number): E => monitoringVisitCommandEvent(name, payload, at),
]));

export function monitoringVisitMachine() {
  const ctx = defaultMonitoringVisitContext();
  return ladderClockMachine<TMonitoringVisitState, E, MonitoringVisitRunArgs>({
    workflowType: 'monitoringVisitWorkflow',
    kind: 'monitoring_visit',
    calendar: ctx.calendar,
    init(raw, id, at) {
      // Started by the programme workflow with what the API validated (ZScheduleMonitoringVisitInput).
      const { ladder, ...args } = checkedPayload<TMonitoringVisitArgs>(raw, {
        programmeId: 'text', onsCode: 'text', authorityName: 'text', number: 'value', theme: 'text', plannedStartOn: 'date', ladder: 'value?',
      }, 'none');
      return reduceMonitoringVisit(null, {
        type: 'visit_scheduled', at, id, ...args, newActionsLadder: checkedLadder(ladder) ?? DEFAULT_MV_NEW_ACTIONS_LADDER,
      }, ctx);
    },
    reduce: (s, e) => reduceMonitoringVisit(s, e, ctx),
    nextTimer: (s) => nextMonitoringVisitTimer(s, ctx),
    finished: isMonitoringVisitFinished,
    describe: (s) => ({
      programmeId: s.programmeId, onsCode: s.onsCode, title: `Monitoring visit ${s.number}: ${s.theme}`, phase: s.phase,
      dueOn: s.clocks.filter((c) => c.status === 'running' || c.status === 'overdue').map((c) => c.dueOn).sort()[0] ?? null,
    }),
    updates: UPDATES,
    // The programme workflow reads the summary when the visit's follow-up is done.
    result: monitoringVisitSummary,
  });
}

export function monitoringVisitView(s: TMonitoringVisitState, asAt: number): MonitoringVisitView {
  return { ...s, clocks: ladderClockViews(s.clocks, asAt, defaultMonitoringVisitContext().calendar), asAt };
}
