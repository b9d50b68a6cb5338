import type { TLadder } from '../escalation/ladder.js';
import type { TTimerFired } from '../ladder-clock/ladder-clock.js';
import type { TActor } from '../schemas/common.js';
import type { TMonitoringVisitFindings } from './schemas.js';

interface At { at: number }
interface Human extends At { actor: TActor; reason: string }

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
  | (Human & { type: 'fieldwork_recorded'; startedOn: string; endedOn: string; inspectors: string[] })
  | (Human & { type: 'draft_letter_received'; receivedOn: string })
  | (Human & { type: 'accuracy_corrections_sent'; sentOn: string; note: string })
  | (Human & { type: 'letter_published'; publishedOn: string; findings: TMonitoringVisitFindings })
  | (Human & { type: 'new_actions_confirmed'; actionRefs: string[] })
  | (Human & { type: 'visit_cancelled' })
  | (At & TTimerFired & { type: 'timer_fired' })
  /** The new-actions window has ended with the actions confirmed: the follow-up is done. */
  | (At & { type: 'visit_closed' });
