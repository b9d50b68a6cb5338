import type { TLadder } from '../escalation/ladder.js';
import type { TSkipReason } from '../escalation/late.js';
import type { TActor } from '../schemas/common.js';
import type { TActionDefinition, TActionEvidenceBody, TActionProgressBody } from './schemas.js';
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
  | (HumanEventBase & { type: 'progress_updated' } & TActionProgressBody)
  | (HumanEventBase & { type: 'evidence_attached' } & TActionEvidenceBody)
  | (HumanEventBase & { type: 'sign_off_requested' })
  /**
   * `separateDuties`: the programme's sign-off rule in force when it was signed off (the API reads
   * the programme's setting and sends it): the signer may be neither the requester nor the owner.
   * Absent on sign-offs recorded before the rule existed, which replay as they happened.
   */
  | (HumanEventBase & { type: 'signed_off'; separateDuties?: boolean })
  | (HumanEventBase & { type: 'sign_off_returned' })
  | (HumanEventBase & { type: 'extension_requested'; newDueOn: string; justification: string })
  | (HumanEventBase & { type: 'extension_approved' })
  | (HumanEventBase & { type: 'extension_rejected' })
  | (HumanEventBase & { type: 'action_cancelled' })
  | (EventBase & { type: 'escalation_fired'; late?: boolean } & TActionStepEventFields)
  | (EventBase & { type: 'reminder_skipped'; skippedBecause?: TSkipReason } & TActionStepEventFields)
  /** An escalation found due long after its instant while a later one was due too (escalation/late.ts). */
  | (EventBase & { type: 'escalation_superseded' } & TActionStepEventFields)
  /** Time alone changed the RAG or its flags (due date near or passed, stale, a month ended). */
  | (EventBase & { type: 'rag_reviewed' });

export type TActionEventType = TActionEvent['type'];
