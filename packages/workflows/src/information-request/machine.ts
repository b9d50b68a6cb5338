/** The information-request workflow as a machine (../machine/ladder-clock-machine.ts). Pure and workflow-safe. */
import {
  checkedLadder, checkedPayload, DEFAULT_INFO_REQUEST_LADDER, defaultInformationRequestContext, INFORMATION_REQUEST_COMMAND_NAMES,
  INFORMATION_REQUEST_COMMANDS, informationRequestCommandEvent, ladderClockViews, londonDateOf, nextInformationRequestTimer,
  reduceInformationRequest, type TInformationRequestArgs, type TInformationRequestEvent, type TInformationRequestState,
} from '@ip/domain/workflow';
import { ladderClockMachine } from '../machine/ladder-clock-machine.js';
import type { RunArgs } from '../machine/spec.js';
import type { InformationRequestView, InformationRequestWorkflowArgs } from './definitions.js';

type E = TInformationRequestEvent;
export type InformationRequestRunArgs = InformationRequestWorkflowArgs & RunArgs<TInformationRequestState>;

/** Update name → the event it becomes, one per declared command (domain information-request/declarations.ts). */
const UPDATES = Object.fromEntries(INFORMATION_REQUEST_COMMAND_NAMES.map((name) => [
  INFORMATION_REQUEST_COMMANDS[name].update, (payload: unknown, at: number): E => informationRequestCommandEvent(name, payload, at),
]));

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
    updates: UPDATES,
  });
}

export function informationRequestView(s: TInformationRequestState, asAt: number): InformationRequestView {
  return { ...s, clocks: ladderClockViews(s.clocks, asAt, defaultInformationRequestContext().calendar), asAt };
}
