/**
 * The first version of this workflow, kept so that its histories replay and the workflows it started
 * run on until they continue as new into the machine version (./workflow.ts). Do not change it.
 *
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
 */
import {
  DEFAULT_MV_NEW_ACTIONS_LADDER, defaultMonitoringVisitContext, isMonitoringVisitFinished, ladderClockViews, monitoringVisitSummary,
  nextMonitoringVisitTimer, checkedLadder, checkedPayload, reduceMonitoringVisit,
  type TCancelVisitUpdate, type TConfirmNewActionsUpdate, type TMonitoringVisitArgs, type TMonitoringVisitEvent, type TMonitoringVisitState,
  type TPublishLetterUpdate, type TRecordDraftLetterUpdate, type TRecordFieldworkUpdate, type TSubmitAccuracyCorrectionsUpdate,
} from '@ip/domain/workflow';
import { continueAsNew, setHandler, workflowInfo, type defineUpdate } from '@temporalio/workflow';
import type { UpdateReply } from '../machine/spec.js';
import {
  cancelVisitUpdate, confirmNewActionsCreatedUpdate, monitoringVisitStateQuery, publishLetterUpdate, recordDraftLetterUpdate,
  recordFieldworkUpdate, submitAccuracyCorrectionsUpdate,
  type MonitoringVisitResult, type MonitoringVisitView, type MonitoringVisitWorkflowArgs,
} from './definitions.js';
import { Lifecycle, startOrFail } from '../machine/legacy-lifecycle-runner.js';

type E = TMonitoringVisitEvent;

export async function legacyMonitoringVisitWorkflow(raw: MonitoringVisitWorkflowArgs): Promise<MonitoringVisitResult> {
  const ctx = defaultMonitoringVisitContext();
  const initial = startOrFail(() => {
    // Started by the programme workflow with what the API validated (ZScheduleMonitoringVisitInput).
    const { ladder, ...args } = checkedPayload<TMonitoringVisitArgs>(raw, {
      programmeId: 'text', onsCode: 'text', authorityName: 'text', number: 'value', theme: 'text', plannedStartOn: 'date', ladder: 'value?',
    }, 'none');
    return reduceMonitoringVisit(null, {
      type: 'visit_scheduled', at: Date.now(), id: workflowInfo().workflowId, ...args,
      newActionsLadder: checkedLadder(ladder) ?? DEFAULT_MV_NEW_ACTIONS_LADDER,
    }, ctx);
  });
  const lc = new Lifecycle<TMonitoringVisitState, E>({
    kind: 'monitoring_visit',
    reduce: (s, e) => reduceMonitoringVisit(s, e, ctx),
    nextTimer: (s) => nextMonitoringVisitTimer(s, ctx),
    finished: isMonitoringVisitFinished,
    describe: (s) => ({
      programmeId: s.programmeId, onsCode: s.onsCode, title: `Monitoring visit ${s.number}: ${s.theme}`, phase: s.phase,
      dueOn: s.clocks.filter((c) => c.status === 'running' || c.status === 'overdue').map((c) => c.dueOn).sort()[0] ?? null,
    }),
  }, initial);

  const view = (asAt = Date.now()): MonitoringVisitView => ({
    ...lc.state, clocks: ladderClockViews(lc.state.clocks, asAt, ctx.calendar), asAt,
  });
  setHandler(monitoringVisitStateQuery, (asAtMs) => view(typeof asAtMs === 'number' && asAtMs > 0 ? asAtMs : Date.now()));

  /** The validator parses the payload and dry-runs the reducer (a rejection leaves no trace); the handler applies. */
  function handle<A>(def: ReturnType<typeof defineUpdate<UpdateReply, [A]>>, toEvent: (cmd: unknown) => E): void {
    setHandler(def, async (cmd) => { await lc.apply(toEvent(cmd)); return view(); },
      { validator: (cmd) => lc.check(() => toEvent(cmd)) });
  }
  handle(recordFieldworkUpdate, (c) => ({ type: 'fieldwork_recorded', at: Date.now(), ...checkedPayload<TRecordFieldworkUpdate>(c, { startedOn: 'date', endedOn: 'date', inspectors: 'value' }) }));
  handle(recordDraftLetterUpdate, (c) => ({ type: 'draft_letter_received', at: Date.now(), ...checkedPayload<TRecordDraftLetterUpdate>(c, { receivedOn: 'date' }) }));
  handle(submitAccuracyCorrectionsUpdate, (c) => ({ type: 'accuracy_corrections_sent', at: Date.now(), ...checkedPayload<TSubmitAccuracyCorrectionsUpdate>(c, { sentOn: 'date', note: 'text' }) }));
  handle(publishLetterUpdate, (c) => ({ type: 'letter_published', at: Date.now(), ...checkedPayload<TPublishLetterUpdate>(c, { publishedOn: 'date', findings: 'value' }) }));
  handle(confirmNewActionsCreatedUpdate, (c) => ({ type: 'new_actions_confirmed', at: Date.now(), ...checkedPayload<TConfirmNewActionsUpdate>(c, { actionRefs: 'value' }) }));
  handle(cancelVisitUpdate, (c) => ({ type: 'visit_cancelled', at: Date.now(), ...checkedPayload<TCancelVisitUpdate>(c, {}) }));

  // Handlers are registered before the first await (inside run), so an Update sent with the start is not lost.
  return monitoringVisitSummary(await lc.run((state) => continueAsNew<typeof legacyMonitoringVisitWorkflow>({ ...raw, carried: state } as MonitoringVisitWorkflowArgs)));
}
