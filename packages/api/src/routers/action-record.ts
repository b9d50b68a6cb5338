import { type z } from 'zod';
import type { Action } from '@ip/db';
import { assessActionRag, defaultCalendar, isActionOverdue, londonDateOf, pendingActionSteps, ZActionState, type ActionCalendar, type TActionRag } from '@ip/domain';

/** Most urgent first: the order "sort by RAG" shows, and how lists rank equal due dates' RAGs. */
export const RAG_SEVERITY: Record<TActionRag, number> = {
  red: 0, amber: 1, green: 2, awaiting_sign_off: 3, complete: 4, cancelled: 5,
};

const iso = (ms: number): string => new Date(ms).toISOString();

/** The columns a record is built from (the rest of the row are copies of the state, for SQL). */
type ActionRow = Pick<Action, 'id' | 'state' | 'stateVersion' | 'createdAt' | 'updatedAt' | 'stoppedAt' | 'stoppedReason'>;
/** A list row as action-list.ts selects it: the state without what lists never show, and the evidence count. */
export type ActionListRow = ActionRow & { evidenceCount: number };

/**
 * The part of a projected action state a list row needs: what a row shows and the RAG rules' inputs.
 * Lists parse only this, not the history, ladder, step log or evidence items, which grow with the
 * action's life and only its own page shows (getOne).
 */
const ZActionListState = ZActionState.pick({
  programmeId: true, title: true, workstream: true, owner: true, ofstedLinked: true, recommendationRefs: true,
  status: true, dueOn: true, dueAt: true, originalDueOn: true, percentComplete: true, ownerRag: true, latestNote: true,
  lastUpdateOn: true, closedAt: true, ladderRed: true, rules: true, ragHistory: true, createdOn: true,
});
type TActionListState = z.infer<typeof ZActionListState>;

/**
 * A row of an action list (getList): what the actions list, the action-plan page and the CSV export
 * show, with the RAG, its reasons and flags (stale, chronic amber) and the working days left
 * computed for `nowMs` by the domain's rules, so a list is never behind the clock even when the
 * workflow has yet to wake and re-project.
 */
function listFields(row: Omit<ActionRow, 'state'>, state: TActionListState, evidenceCount: number, nowMs: number, calendar: ActionCalendar) {
  const rag = assessActionRag(state, nowMs, calendar);
  const closed = state.status === 'complete' || state.status === 'cancelled';
  return {
    id: row.id,
    programmeId: state.programmeId,
    title: state.title,
    workstream: state.workstream,
    owner: state.owner,
    ownerName: state.owner.name,
    ownerEmail: state.owner.email ?? null,
    ofstedLinked: state.ofstedLinked,
    recommendationRefs: state.recommendationRefs,
    status: state.status,
    dueOn: state.dueOn,
    dueAt: iso(state.dueAt),
    originalDueOn: state.originalDueOn,
    /** Working days from today (London) to the due date; negative once overdue; null once closed. */
    workingDaysLeft: closed ? null : calendar.workingDaysBetween(londonDateOf(nowMs), state.dueOn),
    /** Past the end of its due date and still open (awaiting sign-off counts as delivered, as the RAG rules say). */
    overdue: isActionOverdue(state, nowMs),
    rag: rag.rag,
    ragReasons: rag.reasons,
    flags: rag.flags,
    stale: rag.flags.includes('stale'),
    chronicAmber: rag.flags.includes('chronic_amber'),
    staleSinceOn: rag.staleSinceOn,
    amberCycles: rag.amberCycles,
    ragAsAt: iso(nowMs),
    awaitingSignOff: state.status === 'awaiting_sign_off',
    percentComplete: state.percentComplete,
    ownerRag: state.ownerRag,
    latestNote: state.latestNote,
    lastUpdateOn: state.lastUpdateOn,
    evidenceCount,
    closedAt: state.closedAt === null ? null : iso(state.closedAt),
    stateVersion: row.stateVersion,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    stopped: stoppedOf(row),
  };
}

/** Set when the action's workflow stopped without finishing: nothing fires until an admin restarts it. */
export function stoppedOf(row: { stoppedAt: Date | null; stoppedReason: string | null }): { at: string; reason: string } | null {
  return row.stoppedAt ? { at: row.stoppedAt.toISOString(), reason: row.stoppedReason ?? 'Stopped' } : null;
}

export function toActionListRecord(row: ActionListRow, nowMs: number) {
  return listFields(row, ZActionListState.parse(row.state), row.evidenceCount, nowMs, defaultCalendar());
}
export type ActionListRecord = ReturnType<typeof toActionListRecord>;

/**
 * One action in full (getOne, getMany, commands): the list row plus its description, evidence,
 * extensions, the reminders and escalations still to come, and its history.
 */
export function toActionRecord(row: ActionRow, nowMs: number) {
  const state = ZActionState.parse(row.state);
  const calendar = defaultCalendar();
  return {
    ...listFields(row, state, state.evidence.length, nowMs, calendar),
    description: state.description,
    evidence: state.evidence.map((e) => ({ ...e, addedAt: iso(e.addedAt) })),
    pendingExtension: state.pendingExtension ? { ...state.pendingExtension, requestedAt: iso(state.pendingExtension.requestedAt) } : null,
    extensions: state.extensions.map((e) => ({ ...e, requestedAt: iso(e.requestedAt), decidedAt: iso(e.decidedAt) })),
    signOffRequestedBy: state.signOffRequestedBy,
    closedBy: state.closedBy,
    /** The reminders and escalations still to come for the current due date, in firing order. */
    nextSteps: pendingActionSteps(state, calendar).map(({ step, fireOn, fireAt }) => ({ stepId: step.id, kind: step.kind, level: step.level, label: step.label, fireOn, fireAt: iso(fireAt) })),
    history: state.history.map((h) => ({ ...h, at: iso(h.at) })),
  };
}
export type ActionRecord = ReturnType<typeof toActionRecord>;
