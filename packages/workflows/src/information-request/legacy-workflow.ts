/**
 * The first version of this workflow, kept so that its histories replay and the workflows it started
 * run on until they continue as new into the machine version (./workflow.ts). Do not change it.
 *
 * informationRequestWorkflow — one information request from a committee or a person (BRIEF (c)
 * InfoRequest; seed 001: a sub-committee asked for a churn explanation "by mid-April 2019").
 *
 * Lifecycle: open → answered | withdrawn. The answer may be re-dated (extendDueDate) while open.
 * Clock: the due date is the requester's, not a statute. Its ladder (default DEFAULT_INFO_REQUEST_LADDER,
 * BRIEF (b) "proposed, not mandated": overdue → committee chair and democratic services) reminds
 * before the date and escalates at the end of it in London. An extension re-arms the ladder with a
 * fresh baseline; the escalations already recorded stay on record. The workflow completes when the
 * request is answered or withdrawn, so nothing can fire afterwards.
 */
import { londonDateOf, DEFAULT_INFO_REQUEST_LADDER, defaultInformationRequestContext, ladderClockViews, nextInformationRequestTimer,
  checkedLadder, checkedPayload, reduceInformationRequest, type TAnswerInformationRequestUpdate, type TExtendInformationRequestUpdate,
  type TInformationRequestArgs, type TWithdrawInformationRequestUpdate, type TInformationRequestEvent, type TInformationRequestState,
} from '@ip/domain/workflow';
import { continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  answerInformationRequestUpdate,
  extendInformationRequestDueDateUpdate,
  informationRequestStateQuery,
  withdrawInformationRequestUpdate,
  type InformationRequestView,
  type InformationRequestWorkflowArgs,
} from './definitions.js';
import { Lifecycle, startOrFail } from '../machine/legacy-lifecycle-runner.js';

type E = TInformationRequestEvent;

export async function legacyInformationRequestWorkflow(raw: InformationRequestWorkflowArgs): Promise<TInformationRequestState> {
  const ctx = defaultInformationRequestContext();
  const initial = startOrFail(() => {
    // The API parsed these with ZCreateInformationRequestInput; here, what the reducer relies on.
    const args = checkedPayload<TInformationRequestArgs>(raw, {
      programmeId: 'text?', onsCode: 'text', requester: 'value', subject: 'text', requestedOn: 'date?', dueOn: 'date', ladder: 'value?',
    }, 'optional');
    const at = Date.now();
    return reduceInformationRequest(null, {
      type: 'request_opened', at, id: workflowInfo().workflowId, programmeId: args.programmeId ?? null, onsCode: args.onsCode,
      requester: args.requester, subject: args.subject, requestedOn: args.requestedOn ?? londonDateOf(at), dueOn: args.dueOn,
      ladder: checkedLadder(args.ladder) ?? DEFAULT_INFO_REQUEST_LADDER, actor: args.actor ?? null, reason: args.reason ?? null,
    }, ctx);
  });
  const lc = new Lifecycle<TInformationRequestState, E>({
    kind: 'information_request',
    reduce: (s, e) => reduceInformationRequest(s, e, ctx),
    nextTimer: (s) => nextInformationRequestTimer(s, ctx),
    finished: (s) => s.phase !== 'open',
    describe: (s) => ({ programmeId: s.programmeId, onsCode: s.onsCode, title: `Information request: ${s.subject}`, phase: s.phase,
      dueOn: s.phase === 'open' ? s.dueOn : null }),
  }, initial);

  const view = (asAt = Date.now()): InformationRequestView => ({
    ...lc.state, clocks: ladderClockViews(lc.state.clocks, asAt, ctx.calendar), asAt,
  });
  // Each Update: the validator parses the payload and dry-runs the reducer; the handler applies it.
  const answered = (cmd: unknown): E => ({ type: 'answered', at: Date.now(), ...checkedPayload<TAnswerInformationRequestUpdate>(cmd, { answeredOn: 'date', summary: 'text' }) });
  const extended = (cmd: unknown): E => ({ type: 'due_date_extended', at: Date.now(), ...checkedPayload<TExtendInformationRequestUpdate>(cmd, { newDueOn: 'date' }) });
  const withdrawn = (cmd: unknown): E => ({ type: 'withdrawn', at: Date.now(), ...checkedPayload<TWithdrawInformationRequestUpdate>(cmd, {}) });

  setHandler(informationRequestStateQuery, (asAtMs) => view(typeof asAtMs === 'number' && asAtMs > 0 ? asAtMs : Date.now()));
  setHandler(answerInformationRequestUpdate, async (cmd) => { await lc.apply(answered(cmd)); return view(); },
    { validator: (cmd) => lc.check(() => answered(cmd)) });
  setHandler(extendInformationRequestDueDateUpdate, async (cmd) => { await lc.apply(extended(cmd)); return view(); },
    { validator: (cmd) => lc.check(() => extended(cmd)) });
  setHandler(withdrawInformationRequestUpdate, async (cmd) => { await lc.apply(withdrawn(cmd)); return view(); },
    { validator: (cmd) => lc.check(() => withdrawn(cmd)) });

  // Handlers are registered before the first await, so an Update sent with the start is not lost.
  return lc.run((state) => continueAsNew<typeof legacyInformationRequestWorkflow>({ ...raw, carried: state } as InformationRequestWorkflowArgs));
}
