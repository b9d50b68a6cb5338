/** The information-request workflow as a machine (../machine/ladder-clock-machine.ts). Pure and workflow-safe. */
import {
  checkedLadder, checkedPayload, DEFAULT_INFO_REQUEST_LADDER, defaultInformationRequestContext, ladderClockViews, londonDateOf,
  nextInformationRequestTimer, reduceInformationRequest,
  type TAnswerInformationRequestUpdate, type TExtendInformationRequestUpdate, type TInformationRequestArgs, type TInformationRequestEvent,
  type TInformationRequestState, type TWithdrawInformationRequestUpdate,
} from '@ip/domain/workflow';
import { ladderClockMachine } from '../machine/ladder-clock-machine.js';
import type { RunArgs } from '../machine/spec.js';
import type { InformationRequestView, InformationRequestWorkflowArgs } from './definitions.js';

type E = TInformationRequestEvent;
export type InformationRequestRunArgs = InformationRequestWorkflowArgs & RunArgs<TInformationRequestState>;

export function informationRequestMachine() {
  const ctx = defaultInformationRequestContext();
  return ladderClockMachine<TInformationRequestState, E, InformationRequestRunArgs>({
    workflowType: 'informationRequestWorkflow',
    kind: 'information_request',
    calendar: ctx.calendar,
    init(raw, id, at) {
      // The API parsed these with ZCreateInformationRequestInput; here, what the reducer relies on.
      const args = checkedPayload<TInformationRequestArgs>(raw, {
        programmeId: 'text?', onsCode: 'text', requester: 'value', subject: 'text', requestedOn: 'date?', dueOn: 'date', ladder: 'value?',
      }, 'optional');
      return reduceInformationRequest(null, {
        type: 'request_opened', at, id, programmeId: args.programmeId ?? null, onsCode: args.onsCode,
        requester: args.requester, subject: args.subject, requestedOn: args.requestedOn ?? londonDateOf(at), dueOn: args.dueOn,
        ladder: checkedLadder(args.ladder) ?? DEFAULT_INFO_REQUEST_LADDER, actor: args.actor ?? null, reason: args.reason ?? null,
      }, ctx);
    },
    reduce: (s, e) => reduceInformationRequest(s, e, ctx),
    nextTimer: (s) => nextInformationRequestTimer(s, ctx),
    finished: (s) => s.phase !== 'open',
    describe: (s) => ({ programmeId: s.programmeId, onsCode: s.onsCode, title: `Information request: ${s.subject}`, phase: s.phase,
      dueOn: s.phase === 'open' ? s.dueOn : null }),
    updates: {
      answer: (c, at): E => ({ type: 'answered', at, ...checkedPayload<TAnswerInformationRequestUpdate>(c, { answeredOn: 'date', summary: 'text' }) }),
      extendDueDate: (c, at): E => ({ type: 'due_date_extended', at, ...checkedPayload<TExtendInformationRequestUpdate>(c, { newDueOn: 'date' }) }),
      withdraw: (c, at): E => ({ type: 'withdrawn', at, ...checkedPayload<TWithdrawInformationRequestUpdate>(c, {}) }),
    },
  });
}

export function informationRequestView(s: TInformationRequestState, asAt: number): InformationRequestView {
  return { ...s, clocks: ladderClockViews(s.clocks, asAt, defaultInformationRequestContext().calendar), asAt };
}
