import type { TLadder } from '../escalation/ladder.js';
import type { TSkipReason } from '../escalation/late.js';
import type { TActor } from '../schemas/common.js';
import type { ACTION_COMMANDS, TActionCommandName } from './declarations.js';
import type { TActionCommandBody, TActionDefinition } from './schemas.js';
import type { TActionLadderStepRecord, TActionRules } from './state.js';

interface EventBase {
  /** Epoch ms at which the event happened (workflow time when run inside a workflow). */
  at: number;
}
interface HumanEventBase extends EventBase {
  actor: TActor;
  reason: string;
}

/** A ladder step reached by its timer; the same fields whichever way it went. */
export type TActionStepEventFields = Omit<TActionLadderStepRecord, 'firedAt' | 'outcome' | 'late' | 'skippedBecause'>;

type Declared = typeof ACTION_COMMANDS;
/** The commands whose declaration names one event (sign-off chooses between two: declared below). */
type SingleEventCommand = { [K in TActionCommandName]: Declared[K]['event'] extends string ? K : never }[TActionCommandName];
/** The event each such command becomes, derived from its declaration and its zod body. */
export type TActionCommandEvent = {
  [K in SingleEventCommand]: HumanEventBase & { type: Declared[K]['event'] } & TActionCommandBody<K>;
}[SingleEventCommand];

/** Everything that can happen to an action. The reducer is the only place these change state. */
export type TActionEvent =
  | (HumanEventBase & {
      type: 'action_created';
      /** The workflow id: escalation ids and the read model's primary key are built from it. */
      actionId: string;
      definition: TActionDefinition;
      ladder: TLadder;
      rules: TActionRules;
      /** 2 from the workflow version with the late-escalation rule; absent before. */
      rulesVersion?: number;
    })
  /** Every declared command with one event: actor, reason and the command's body (./declarations.ts). */
  | TActionCommandEvent
  /**
   * `separateDuties`: the programme's sign-off rule in force when it was signed off (the API reads
   * the programme's setting and sends it): the signer may be neither the requester nor the owner.
   * Absent on sign-offs recorded before the rule existed, which replay as they happened.
   */
  | (HumanEventBase & { type: 'signed_off'; separateDuties?: boolean })
  | (HumanEventBase & { type: 'sign_off_returned' })
  | (EventBase & { type: 'escalation_fired'; late?: boolean } & TActionStepEventFields)
  | (EventBase & { type: 'reminder_skipped'; skippedBecause?: TSkipReason } & TActionStepEventFields)
  /** An escalation found due long after its instant while a later one was due too (escalation/late.ts). */
  | (EventBase & { type: 'escalation_superseded' } & TActionStepEventFields)
  /** Time alone changed the RAG or its flags (due date near or passed, stale, a month ended). */
  | (EventBase & { type: 'rag_reviewed' });

export type TActionEventType = TActionEvent['type'];
