import type { TActor } from '../schemas/common.js';
import type { TInspection } from '../schemas/inspection.js';

interface EventBase {
  /** Epoch ms at which the event happened (workflow time when run inside a workflow). */
  at: number;
}
interface HumanEventBase extends EventBase {
  actor: TActor;
  reason: string;
}

/** Everything that can happen to a programme. The reducer is the only place these change state. */
export type TProgrammeEvent =
  | (HumanEventBase & {
      type: 'programme_started';
      programmeId: string;
      onsCode: string;
      authorityName: string;
      cycle: number;
    })
  | (HumanEventBase & { type: 'inspection_recorded'; inspection: TInspection })
  | (HumanEventBase & { type: 'plan_submitted'; submittedOn: string })
  | (EventBase & { type: 'clock_elapsed'; clock: string });

export type TProgrammeEventType = TProgrammeEvent['type'];
