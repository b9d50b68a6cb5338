import { z } from 'zod';
import { DEFAULT_ACTION_RULES } from './rules.js';
import { ZLadder, ZEscalationLevel } from '../escalation/schemas.js';
import { ZHistoryEntry, ZLogBase } from '../lifecycle/state.js';
import { ZActor } from '../schemas/common.js';
import { ZActionOwner, ZActionOwnerRag } from './schemas.js';

/**
 * Where an action is. `awaiting_sign_off` = the owner says it is done and evidenced; a programme
 * manager has yet to sign it off. `complete` and `cancelled` are final.
 */
export const ZActionStatus = z.enum(['open', 'awaiting_sign_off', 'complete', 'cancelled']);
export type TActionStatus = z.infer<typeof ZActionStatus>;

/**
 * The RAG shown for an action. Besides green/amber/red: 'awaiting_sign_off' ("complete — awaiting
 * sign-off"), 'complete', and 'cancelled' (not rated; rollups leave it out).
 */
export const ZActionRag = z.enum(['green', 'amber', 'red', 'awaiting_sign_off', 'complete', 'cancelled']);
export type TActionRag = z.infer<typeof ZActionRag>;

/** Flags shown beside the RAG: no recent update, or amber that will not shift (reported to scrutiny). */
export const ZActionRagFlag = z.enum(['stale', 'chronic_amber']);
export type TActionRagFlag = z.infer<typeof ZActionRagFlag>;

/** The thresholds the RAG rules use; configuration per programme, stored with each action. */
export const ZActionRules = z.object({
  /** Amber when due within this many working days and not 100% done. Local policy. */
  amberWithinWD: z.number().int().min(1).max(60).default(DEFAULT_ACTION_RULES.amberWithinWD),
  /** Stale when no progress or evidence for this many working days (DEFAULT_CLOCKS.staleAfterWD, BRIEF (b)). */
  staleAfterWD: z.number().int().min(1).max(120).default(DEFAULT_ACTION_RULES.staleAfterWD),
  /** Chronic amber when amber now and at the close of this many consecutive months (BRIEF (b): 2+). */
  chronicAmberCycles: z.number().int().min(1).max(24).default(DEFAULT_ACTION_RULES.chronicAmberCycles),
});
export type TActionRules = z.infer<typeof ZActionRules>;
export { DEFAULT_ACTION_RULES };

/** The RAG as at an instant, with the reasons in words the console shows as they are. */
export const ZActionRagAssessment = z.object({
  rag: ZActionRag,
  reasons: z.array(z.string()),
  flags: z.array(ZActionRagFlag),
  asAt: z.number(),
  /** The date the action became stale (null unless flagged). */
  staleSinceOn: z.string().nullable(),
  /** Consecutive closed monthly reporting cycles (month ends) at which it was amber; 0 unless amber now. */
  amberCycles: z.number().int(),
  /** Amber at the close of a plan year (31 March) and still amber now (plan years start 1 April). */
  crossesPlanYear: z.boolean(),
});
export type TActionRagAssessment = z.infer<typeof ZActionRagAssessment>;

/**
 * The inputs of the RAG rules, recorded each time one changes. RAG at any past instant is the rules
 * applied to the entry in force then, which is how chronic amber looks back over month ends.
 */
export const ZActionRagInputs = z.object({
  at: z.number(),
  status: ZActionStatus,
  percentComplete: z.number().int(),
  ownerRag: ZActionOwnerRag.nullable(),
  dueOn: z.string(),
  /** A ladder step with `setsRed` has fired for the current baseline. */
  ladderRed: z.boolean(),
});
export type TActionRagInputs = z.infer<typeof ZActionRagInputs>;

export const ZActionEvidence = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  reference: z.string().nullable(),
  addedAt: z.number(),
  addedBy: ZActor,
});
export type TActionEvidence = z.infer<typeof ZActionEvidence>;

export const ZActionExtensionRequest = z.object({
  newDueOn: z.string(),
  justification: z.string(),
  requestedAt: z.number(),
  requestedBy: ZActor,
});
export type TActionExtensionRequest = z.infer<typeof ZActionExtensionRequest>;

export const ZActionExtensionDecision = ZActionExtensionRequest.extend({
  fromDueOn: z.string(),
  /** closed: not decided by anyone: the system closed it because the action itself closed. */
  outcome: z.enum(['approved', 'rejected', 'withdrawn', 'closed']),
  decidedAt: z.number(),
  /** Who decided; for a 'closed' request, who signed off or cancelled the action (they did not decide it). */
  decidedBy: ZActor,
  /** Why the system closed a 'closed' request. */
  closedBecause: z.enum(['signed_off', 'cancelled']).optional(),
});
export type TActionExtensionDecision = z.infer<typeof ZActionExtensionDecision>;

/** A ladder step that was reached: fired (recorded as an Escalation) or skipped (see stepOutcome). */
export const ZActionLadderStepRecord = z.object({
  escalationId: z.string(),
  ladderId: z.string(),
  stepId: z.string(),
  baseline: z.number().int(),
  kind: z.enum(['reminder', 'escalation']),
  level: ZEscalationLevel,
  label: z.string(),
  fireOn: z.string(),
  fireAt: z.number(),
  firedAt: z.number(),
  setsRed: z.boolean(),
  /**
   * fired: raised (a reminder sent or an escalation recorded); skipped: a reminder not sent (see
   * skippedBecause); superseded: an escalation found due long after its instant when a later step was
   * also due, so only the later one was raised (the late-escalation rule, escalation/late.ts).
   */
  outcome: z.enum(['fired', 'skipped', 'superseded']),
  /** Raised more than an hour after its instant (created overdue, a past due date, an outage). */
  late: z.boolean().optional(),
  skippedBecause: z.enum(['late', 'deadline_passed', 'awaiting_sign_off']).optional(),
});
export type TActionLadderStepRecord = z.infer<typeof ZActionLadderStepRecord>;

export const ZActionState = z.object({
  actionId: z.string(),
  programmeId: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  workstream: z.string().nullable(),
  owner: ZActionOwner,
  ofstedLinked: z.boolean(),
  recommendationRefs: z.array(z.string()),
  status: ZActionStatus,
  dueOn: z.string(),
  /** End of `dueOn` in Europe/London (epoch ms): the action is overdue from this instant. */
  dueAt: z.number(),
  originalDueOn: z.string(),
  /** Approved extensions so far; part of every escalation id, so a new deadline means new escalations. */
  baseline: z.number().int(),
  /** When the current baseline began (creation or approval): steps already past then never fire. */
  baselineSetAt: z.number(),
  percentComplete: z.number().int(),
  ownerRag: ZActionOwnerRag.nullable(),
  latestNote: z.string().nullable(),
  /** Last progress update or evidence (owner activity), for "stale". */
  lastUpdateAt: z.number().nullable(),
  lastUpdateOn: z.string().nullable(),
  evidence: z.array(ZActionEvidence),
  pendingExtension: ZActionExtensionRequest.nullable(),
  extensions: z.array(ZActionExtensionDecision),
  signOffRequestedBy: ZActor.nullable(),
  closedAt: z.number().nullable(),
  closedBy: ZActor.nullable(),
  ladder: ZLadder,
  steps: z.array(ZActionLadderStepRecord),
  ladderRed: z.boolean(),
  rules: ZActionRules,
  /** The RAG as at the last event; queries recompute it for "now". */
  rag: ZActionRagAssessment,
  ragHistory: z.array(ZActionRagInputs),
  history: z.array(ZHistoryEntry),
  createdAt: z.number(),
  createdOn: z.string(),
  /** Increases by one on every event: projections only ever move forward. */
  version: z.number().int(),
  calendarVersion: z.string(),
  /**
   * Which ladder rules apply: absent = 1 (steps already past when a baseline began never fired);
   * 2 = the late-escalation rule (escalation/late.ts). Set when the action is created or carried
   * into a run of the current workflow version.
   */
  rulesVersion: z.number().int().optional(),
  logBase: ZLogBase.optional(),
});
export type TActionState = z.infer<typeof ZActionState>;
