/** The monitoring-visit workflow as a machine (../machine/ladder-clock-machine.ts). Pure and workflow-safe. */
import {
  checkedLadder, checkedPayload, DEFAULT_MV_NEW_ACTIONS_LADDER, defaultMonitoringVisitContext, isMonitoringVisitFinished, ladderClockViews,
  monitoringVisitSummary, nextMonitoringVisitTimer, reduceMonitoringVisit,
  type TCancelVisitUpdate, type TConfirmNewActionsUpdate, type TMonitoringVisitArgs, type TMonitoringVisitEvent, type TMonitoringVisitState,
  type TPublishLetterUpdate, type TRecordDraftLetterUpdate, type TRecordFieldworkUpdate, type TSubmitAccuracyCorrectionsUpdate,
} from '@ip/domain/workflow';
import { ladderClockMachine } from '../machine/ladder-clock-machine.js';
import type { RunArgs } from '../machine/spec.js';
import type { MonitoringVisitView, MonitoringVisitWorkflowArgs } from './definitions.js';

type E = TMonitoringVisitEvent;
export type MonitoringVisitRunArgs = MonitoringVisitWorkflowArgs & RunArgs<TMonitoringVisitState>;

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
    updates: {
      recordFieldwork: (c, at): E => ({ type: 'fieldwork_recorded', at, ...checkedPayload<TRecordFieldworkUpdate>(c, { startedOn: 'date', endedOn: 'date', inspectors: 'value' }) }),
      recordDraftLetter: (c, at): E => ({ type: 'draft_letter_received', at, ...checkedPayload<TRecordDraftLetterUpdate>(c, { receivedOn: 'date' }) }),
      submitAccuracyCorrections: (c, at): E => ({ type: 'accuracy_corrections_sent', at, ...checkedPayload<TSubmitAccuracyCorrectionsUpdate>(c, { sentOn: 'date', note: 'text' }) }),
      publishLetter: (c, at): E => ({ type: 'letter_published', at, ...checkedPayload<TPublishLetterUpdate>(c, { publishedOn: 'date', findings: 'value' }) }),
      confirmNewActionsCreated: (c, at): E => ({ type: 'new_actions_confirmed', at, ...checkedPayload<TConfirmNewActionsUpdate>(c, { actionRefs: 'value' }) }),
      cancelVisit: (c, at): E => ({ type: 'visit_cancelled', at, ...checkedPayload<TCancelVisitUpdate>(c, {}) }),
    },
    // The programme workflow reads the summary when the visit's follow-up is done.
    result: monitoringVisitSummary,
  });
}

export function monitoringVisitView(s: TMonitoringVisitState, asAt: number): MonitoringVisitView {
  return { ...s, clocks: ladderClockViews(s.clocks, asAt, defaultMonitoringVisitContext().calendar), asAt };
}
