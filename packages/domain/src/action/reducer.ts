import { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { endOfLondonDayUtcMs, londonDateOf } from '../calendar/london-time.js';
import { formatLongDate } from '../calendar/format.js';
import { type TCalendarOverridesInput } from '../calendar/calendar-overrides.js';
import { defaultCalendar } from '../lifecycle/context.js';
import { LifecycleRejection } from '../lifecycle/reducer.js';
import type { THistoryEntry } from '../lifecycle/state.js';
import type { TActor } from '../schemas/common.js';
import type { TActionEvent } from './events.js';
import { assessActionRag, ragInputsOf, type ActionCalendar } from './rag.js';
import type { TActionExtensionDecision, TActionRagAssessment, TActionState } from './state.js';

/** What the action reducer needs: the working-day calendar (pure). */
export interface ActionContext {
  calendar: ActionCalendar & { readonly version: string };
}

/** The context the action workflow and the audit replay run the reducer with. */
export function defaultActionContext(overrides?: TCalendarOverridesInput): { calendar: WorkingDayCalendar } {
  return { calendar: overrides ? new WorkingDayCalendar({ division: 'england-and-wales', overrides }) : defaultCalendar() };
}

/**
 * Who may decide: sign-off, extensions and cancellation need a programme manager or an admin.
 * There is no separate "programme director" role in ZRole; the programme manager acts for them.
 * Extensions are also four-eyes: the person who asked cannot approve (see extension_approved).
 */
const DECIDERS: ReadonlyArray<TActor['role']> = ['programme_manager', 'admin'];

/**
 * The action lifecycle as a pure reducer: open → awaiting sign-off → complete, with extensions
 * (each approved one re-baselines the escalation ladder) and cancellation; ladder steps and time
 * (rag_reviewed) are events too. Every event recomputes the RAG at its instant. Throws
 * LifecycleRejection, with a reason fit to show the user, when the event does not fit the state.
 */
export function reduceAction(state: TActionState | null, event: TActionEvent, ctx: ActionContext): TActionState {
  if (event.type === 'action_created') {
    if (state) throw new LifecycleRejection('The action already exists');
    if (event.actor.role === 'auditor') throw new LifecycleRejection('Auditors can read actions but not change them');
    return created(event, ctx);
  }
  if (!state) throw new LifecycleRejection('The action has not been created');
  if ('actor' in event && event.actor.role === 'auditor') {
    throw new LifecycleRejection('Auditors can read actions but not change them');
  }
  if (state.status === 'complete') throw new LifecycleRejection('The action is complete; nothing more can change');
  if (state.status === 'cancelled') throw new LifecycleRejection('The action was cancelled; nothing more can change');
  const [next, summary] = applyToOpen(state, event);
  return finish(state, next, event, summary, ctx);
}

function created(event: Extract<TActionEvent, { type: 'action_created' }>, ctx: ActionContext): TActionState {
  const d = event.definition;
  const dueAt = endOfLondonDayUtcMs(d.dueOn);
  const base: Omit<TActionState, 'rag'> = {
    actionId: event.actionId,
    programmeId: d.programmeId,
    title: d.title,
    description: d.description ?? null,
    workstream: d.workstream ?? null,
    owner: d.owner,
    ofstedLinked: d.ofstedLinked,
    recommendationRefs: d.recommendationRefs,
    status: 'open',
    dueOn: d.dueOn,
    dueAt,
    originalDueOn: d.dueOn,
    baseline: 0,
    baselineSetAt: event.at,
    percentComplete: 0,
    ownerRag: null,
    latestNote: null,
    lastUpdateAt: null,
    lastUpdateOn: null,
    evidence: [],
    pendingExtension: null,
    extensions: [],
    signOffRequestedBy: null,
    closedAt: null,
    closedBy: null,
    ladder: event.ladder,
    steps: [],
    ladderRed: false,
    rules: event.rules,
    ragHistory: [{ at: event.at, status: 'open', percentComplete: 0, ownerRag: null, dueOn: d.dueOn, ladderRed: false }],
    history: [],
    createdAt: event.at,
    createdOn: londonDateOf(event.at),
    version: 1,
    calendarVersion: ctx.calendar.version,
    ...(event.rulesVersion ? { rulesVersion: event.rulesVersion } : {}),
  };
  const summary = `Action created: “${d.title}”, owned by ${d.owner.name}, due ${formatLongDate(d.dueOn)}` +
    (d.ofstedLinked ? '; responds to Ofsted' : '') + (event.at >= dueAt ? ' (already past its due date)' : '');
  const rag = assessActionRag(base, event.at, ctx.calendar);
  return { ...base, rag, history: [entry(event, `${summary}; RAG ${RAG_WORDS[rag.rag]}`)] };
}

type Next = Omit<TActionState, 'rag' | 'history' | 'version' | 'ragHistory'> & Pick<TActionState, 'ragHistory'>;

function applyToOpen(state: TActionState, event: Exclude<TActionEvent, { type: 'action_created' }>): [Next, string] {
  const today = londonDateOf(event.at);
  switch (event.type) {
    case 'progress_updated': {
      if (state.status === 'awaiting_sign_off') {
        throw new LifecycleRejection('The action is awaiting sign-off; sign it off or return it to the owner before recording more progress');
      }
      const next = { ...state, percentComplete: event.percentComplete, ownerRag: event.ragAssessment ?? null,
        latestNote: event.note, lastUpdateAt: event.at, lastUpdateOn: today };
      return [next, `Progress: ${event.percentComplete}% complete (was ${state.percentComplete}%)` +
        (event.ragAssessment ? `; owner rates it ${event.ragAssessment}` : '') + `. ${clip(event.note)}`];
    }
    case 'evidence_attached': {
      if (!event.url && !event.reference) throw new LifecycleRejection('Give a link or a document reference');
      const evidence = { id: `ev-${logBaseOf(state, 'evidence') + state.evidence.length + 1}`, title: event.title, url: event.url ?? null,
        reference: event.reference ?? null, addedAt: event.at, addedBy: event.actor };
      return [{ ...state, evidence: [...state.evidence, evidence], lastUpdateAt: event.at, lastUpdateOn: today },
        `Evidence attached: “${event.title}”`];
    }
    case 'sign_off_requested': {
      if (state.status === 'awaiting_sign_off') throw new LifecycleRejection('Sign-off has already been requested');
      if (state.percentComplete < 100) throw new LifecycleRejection('Record the action as 100% complete before asking for sign-off');
      if (logBaseOf(state, 'evidence') + state.evidence.length === 0) throw new LifecycleRejection('Attach evidence before asking for sign-off');
      return [{ ...state, status: 'awaiting_sign_off', signOffRequestedBy: event.actor, lastUpdateAt: event.at, lastUpdateOn: today },
        'Sign-off requested'];
    }
    case 'signed_off':
    case 'sign_off_returned': {
      if (state.status !== 'awaiting_sign_off') throw new LifecycleRejection('Sign-off has not been requested');
      requireDecider(event.actor, 'sign off an action');
      if (event.type === 'sign_off_returned') {
        return [{ ...state, status: 'open', signOffRequestedBy: null }, 'Sign-off refused: returned to the owner'];
      }
      if (event.separateDuties === true) requireSeparateSigner(state, event.actor);
      const when = event.at < state.dueAt ? 'on time' : `after its due date of ${formatLongDate(state.dueOn)}`;
      return [{ ...close(state, event, 'signed_off'), status: 'complete' }, `Signed off as complete, ${when}${closedExtension(state, 'signed off')}`];
    }
    case 'extension_requested': {
      if (state.status !== 'open') throw new LifecycleRejection('An extension can only be requested while the action is open');
      if (state.pendingExtension) throw new LifecycleRejection('An extension request is already waiting for a decision');
      if (event.newDueOn <= state.dueOn) throw new LifecycleRejection('An extension must move the due date later');
      if (event.newDueOn < today) throw new LifecycleRejection('The new due date has already passed');
      const pendingExtension = { newDueOn: event.newDueOn, justification: event.justification, requestedAt: event.at, requestedBy: event.actor };
      return [{ ...state, pendingExtension },
        `Extension requested: due date to move from ${formatLongDate(state.dueOn)} to ${formatLongDate(event.newDueOn)}`];
    }
    case 'extension_approved': {
      const pending = state.pendingExtension;
      if (!pending) throw new LifecycleRejection('There is no extension request to decide');
      requireDecider(event.actor, 'approve an extension');
      if (pending.requestedBy.userId === event.actor.userId) {
        throw new LifecycleRejection('An extension cannot be approved by the person who asked for it');
      }
      if (pending.newDueOn < today) throw new LifecycleRejection('The requested due date has already passed; ask for a later one');
      const decision = decide(state, event, 'approved');
      return [{
        ...state,
        dueOn: pending.newDueOn,
        dueAt: endOfLondonDayUtcMs(pending.newDueOn),
        baseline: state.baseline + 1,
        baselineSetAt: event.at,
        ladderRed: false,
        pendingExtension: null,
        extensions: [...state.extensions, decision],
      }, `Extension approved: due date moved from ${formatLongDate(state.dueOn)} to ${formatLongDate(pending.newDueOn)}; ` +
        `escalations restart from the new date`];
    }
    case 'extension_rejected': {
      const pending = state.pendingExtension;
      if (!pending) throw new LifecycleRejection('There is no extension request to decide');
      requireDecider(event.actor, 'decide on an extension');
      // The requester turning down their own request is a withdrawal, which needs no second person.
      const outcome = pending.requestedBy.userId === event.actor.userId ? 'withdrawn' : 'rejected';
      return [{ ...state, pendingExtension: null, extensions: [...state.extensions, decide(state, event, outcome)] },
        `Extension to ${formatLongDate(pending.newDueOn)} ${outcome}; still due ${formatLongDate(state.dueOn)}`];
    }
    case 'owner_reassigned': {
      const owner = { name: event.ownerName, ...(event.ownerEmail ? { email: event.ownerEmail } : {}) };
      if (sameName(owner.name, state.owner.name) && owner.email === state.owner.email) {
        throw new LifecycleRejection(`${state.owner.name} already owns this action`);
      }
      // Not owner activity: the RAG's "stale" clock runs on from the last progress or evidence.
      return [{ ...state, owner }, `Owner changed from ${state.owner.name} to ${owner.name}`];
    }
    case 'action_cancelled': {
      requireDecider(event.actor, 'cancel an action');
      return [{ ...close(state, event, 'cancelled'), status: 'cancelled' }, `Action cancelled${closedExtension(state, 'cancelled')}`];
    }
    case 'escalation_fired':
    case 'reminder_skipped':
    case 'escalation_superseded': {
      const { type: _type, at, ...fields } = event;
      if (state.steps.some((s) => s.escalationId === fields.escalationId)) {
        throw new LifecycleRejection('This ladder step has already been reached');
      }
      const record = stepRecord(event);
      // A superseded red step still counts: the action was escalated, by a later step.
      const ladderRed = state.ladderRed || (record.outcome !== 'skipped' && fields.setsRed && fields.baseline === state.baseline);
      const after = fields.baseline > 0 ? ` (after extension ${fields.baseline})` : '';
      return [{ ...state, steps: [...state.steps, record], ladderRed }, stepSummary(event, `${fields.label}${after}`)];
    }
    case 'rag_reviewed':
      return [state, 'RAG reviewed'];
  }
}

/** Recomputes the RAG at the event's instant, records its inputs if they changed, and logs the event. */
function finish(prev: TActionState, next: Next, event: TActionEvent, summary: string, ctx: ActionContext): TActionState {
  const inputs = ragInputsOf(next);
  const last = prev.ragHistory.at(-1);
  const unchanged = last && JSON.stringify(ragInputsOf(last)) === JSON.stringify(inputs);
  const ragHistory = unchanged ? prev.ragHistory : [...prev.ragHistory, { at: event.at, ...inputs }];
  const withHistory = { ...next, ragHistory };
  const rag = assessActionRag(withHistory, event.at, ctx.calendar);
  const change = describeRagChange(prev.rag, rag);
  const text = event.type === 'rag_reviewed'
    ? `RAG reviewed: ${change ?? `still ${RAG_WORDS[rag.rag]}`}. ${rag.reasons.join('; ')}`
    : change ? `${summary}; ${change}` : summary;
  return { ...withHistory, rag, history: [...prev.history, entry(event, text)], version: prev.version + 1 };
}

const RAG_WORDS: Record<TActionRagAssessment['rag'], string> = {
  green: 'green', amber: 'amber', red: 'red', awaiting_sign_off: 'complete — awaiting sign-off',
  complete: 'complete', cancelled: 'cancelled (not rated)',
};
const FLAG_WORDS = { stale: 'stale', chronic_amber: 'chronic amber' } as const;

function describeRagChange(a: TActionRagAssessment, b: TActionRagAssessment): string | null {
  const parts: string[] = [];
  if (a.rag !== b.rag) parts.push(`RAG changed from ${RAG_WORDS[a.rag]} to ${RAG_WORDS[b.rag]}`);
  for (const f of b.flags) if (!a.flags.includes(f)) parts.push(`now ${FLAG_WORDS[f]}`);
  for (const f of a.flags) if (!b.flags.includes(f)) parts.push(`no longer ${FLAG_WORDS[f]}`);
  return parts.length ? parts.join(', ') : null;
}

function requireDecider(actor: TActor, what: string): void {
  if (!DECIDERS.includes(actor.role)) throw new LifecycleRejection(`Only a programme manager or an admin can ${what}`);
}

function decide(
  state: TActionState,
  event: { at: number; actor: TActor },
  outcome: TActionExtensionDecision['outcome'],
): TActionExtensionDecision {
  const pending = state.pendingExtension!;
  return { ...pending, fromDueOn: state.dueOn, outcome, decidedAt: event.at, decidedBy: event.actor };
}

/**
 * Closing the action closes any extension still waiting, as the system's doing: nobody decided it
 * (the person who signed off or cancelled did not withdraw it), there is simply nothing left to extend.
 */
function close(state: TActionState, event: { at: number; actor: TActor }, because: 'signed_off' | 'cancelled'): TActionState {
  const extensions = state.pendingExtension
    ? [...state.extensions, { ...decide(state, event, 'closed'), closedBecause: because }]
    : state.extensions;
  return { ...state, pendingExtension: null, extensions, closedAt: event.at, closedBy: event.actor };
}

type StepEvent = Extract<TActionEvent, { type: 'escalation_fired' | 'reminder_skipped' | 'escalation_superseded' }>;

/** The record of a reached step; old histories' events carry no late/skip fields and stay as they were. */
function stepRecord(event: StepEvent): TActionState['steps'][number] {
  const { type, at, ...fields } = event;
  const base = { escalationId: fields.escalationId, ladderId: fields.ladderId, stepId: fields.stepId, baseline: fields.baseline,
    kind: fields.kind, level: fields.level, label: fields.label, fireOn: fields.fireOn, fireAt: fields.fireAt, firedAt: at, setsRed: fields.setsRed };
  if (type === 'escalation_superseded') return { ...base, outcome: 'superseded' };
  if (type === 'reminder_skipped') return { ...base, outcome: 'skipped', ...(event.skippedBecause ? { skippedBecause: event.skippedBecause } : {}) };
  return { ...base, outcome: 'fired', ...(event.late !== undefined ? { late: event.late } : {}) };
}

function stepSummary(event: StepEvent, label: string): string {
  if (event.type === 'escalation_superseded') return `Not raised, a later step was already due and was raised instead: ${label}`;
  if (event.type === 'reminder_skipped') {
    const why = event.skippedBecause === 'late' ? 'its moment had passed'
      : event.skippedBecause === 'deadline_passed' ? 'the due date had already passed' : 'the action is awaiting sign-off';
    return `Reminder not sent, ${why}: ${label}`;
  }
  return event.late ? `${label} (raised late: its moment had passed when the system reached it)` : label;
}

/** How many items a log held before this run (entries carried over by continue-as-new are dropped). */
export function logBaseOf(state: Pick<TActionState, 'logBase'>, log: string): number {
  return state.logBase?.[log] ?? 0;
}

function closedExtension(state: TActionState, how: string): string {
  const p = state.pendingExtension;
  return p ? `; the pending extension to ${formatLongDate(p.newDueOn)} was closed by the system because the action was ${how}` : '';
}

const sameName = (a: string | undefined, b: string | undefined) =>
  Boolean(a && b && a.trim().toLowerCase().replace(/\s+/g, ' ') === b.trim().toLowerCase().replace(/\s+/g, ' '));

/**
 * Separation of duties for sign-off (a programme setting, on by default): the signer is neither the
 * person who asked for sign-off nor the action's owner. The owner is a name (and perhaps an email),
 * not necessarily a user, so the owner is matched by name.
 */
function requireSeparateSigner(state: TActionState, signer: TActor): void {
  if (state.signOffRequestedBy?.userId === signer.userId) {
    throw new LifecycleRejection('Sign-off must come from someone other than the person who asked for it (this programme separates the duties)');
  }
  if (sameName(state.owner.name, signer.name)) {
    throw new LifecycleRejection('Sign-off must come from someone other than the action’s owner (this programme separates the duties)');
  }
}

function clip(s: string, max = 200): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function entry(event: TActionEvent, summary: string): THistoryEntry {
  return {
    at: event.at,
    type: event.type,
    actor: 'actor' in event ? event.actor : null,
    reason: 'reason' in event ? event.reason : null,
    summary,
  };
}
