import type { TActor } from '../schemas/common.js';
import type { TLadder } from '../escalation/ladder.js';
import type { TTimerFired } from '../ladder-clock/ladder-clock.js';
import type { TInformationRequester } from './schemas.js';

interface At { at: number }
interface Human extends At { actor: TActor; reason: string }

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
  | (Human & { type: 'answered'; answeredOn: string; summary: string })
  | (Human & { type: 'due_date_extended'; newDueOn: string })
  | (Human & { type: 'withdrawn' })
  | (At & TTimerFired & { type: 'timer_fired' });
