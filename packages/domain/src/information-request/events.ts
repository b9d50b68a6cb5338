import type { TActor } from '../schemas/common.js';
import type { TLadder } from '../escalation/ladder.js';
import type { TTimerFired } from '../ladder-clock/ladder-clock.js';
import type { INFORMATION_REQUEST_COMMANDS, TInformationRequestCommandName } from './declarations.js';
import type { TInformationRequestCommandBody, TInformationRequester } from './schemas.js';

interface At { at: number }
interface Human extends At { actor: TActor; reason: string }

type Declared = typeof INFORMATION_REQUEST_COMMANDS;
/** The event each declared command becomes (./declarations.ts): actor, reason and the command's body. */
export type TInformationRequestCommandEvent = {
  [K in TInformationRequestCommandName]: Human & { type: Declared[K]['event'] } & TInformationRequestCommandBody<K>;
}[TInformationRequestCommandName];

/** Everything that can happen to an information request; only the reducer turns these into state. */
export type TInformationRequestEvent =
  | (At & {
      type: 'request_opened';
      id: string;
      programmeId: string | null;
      onsCode: string;
      requester: TInformationRequester;
      subject: string;
      requestedOn: string;
      dueOn: string;
      ladder: TLadder;
      actor: TActor | null;
      reason: string | null;
    })
  /** answered, due_date_extended, withdrawn: every declared command's event. */
  | TInformationRequestCommandEvent
  | (At & TTimerFired & { type: 'timer_fired' });
