import type { TLadder } from '../escalation/ladder.js';
import type { TTimerFired } from '../ladder-clock/ladder-clock.js';
import type { TActor } from '../schemas/common.js';
import type { TInterventionStep } from './schemas.js';

interface At { at: number }

/** Everything that can happen on the DfE track; only the reducer turns these into state. */
export type TInterventionEvent =
  | (At & {
      type: 'intervention_opened';
      id: string;
      programmeId: string | null;
      onsCode: string;
      authorityName: string;
      ladders: { review: TLadder; commissionerReport: TLadder; commissionerUpdate: TLadder };
      actor: TActor | null;
      reason: string | null;
    })
  | (At & { actor: TActor; reason: string } & TInterventionStep)
  | (At & TTimerFired & { type: 'timer_fired' });
