import type { TLadder } from '../escalation/ladder.js';
import type { TTimerFired } from '../ladder-clock/ladder-clock.js';
import type { TActor } from '../schemas/common.js';
import type { MONITORING_VISIT_COMMANDS, TMonitoringVisitCommandName } from './declarations.js';
import type { TMonitoringVisitCommandBody } from './schemas.js';

interface At { at: number }
interface Human extends At { actor: TActor; reason: string }

type Declared = typeof MONITORING_VISIT_COMMANDS;
/** The event each declared command becomes (./declarations.ts): actor, reason and the command's body. */
export type TMonitoringVisitCommandEvent = {
  [K in TMonitoringVisitCommandName]: Human & { type: Declared[K]['event'] } & TMonitoringVisitCommandBody<K>;
}[TMonitoringVisitCommandName];

/** Everything that can happen to a monitoring visit; only the reducer turns these into state. */
export type TMonitoringVisitEvent =
  | (At & {
      type: 'visit_scheduled';
      id: string;
      programmeId: string;
      onsCode: string;
      authorityName: string;
      number: number;
      theme: string;
      plannedStartOn: string;
      newActionsLadder: TLadder;
    })
  /** fieldwork_recorded, draft_letter_received, accuracy_corrections_sent, letter_published, new_actions_confirmed, visit_cancelled. */
  | TMonitoringVisitCommandEvent
  | (At & TTimerFired & { type: 'timer_fired' })
  /** The new-actions window has ended with the actions confirmed: the follow-up is done. */
  | (At & { type: 'visit_closed' });
