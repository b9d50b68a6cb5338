import type { Action } from '@ip/db';
import { actionView, defaultCalendar, ZActionState, type TActionRag } from '@ip/domain';

/** Most urgent first: the order "sort by RAG" shows, and how lists rank equal due dates' RAGs. */
export const RAG_SEVERITY: Record<TActionRag, number> = {
  red: 0, amber: 1, green: 2, awaiting_sign_off: 3, complete: 4, cancelled: 5,
};

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The action record the console shows: the read-model row with the RAG, its reasons and flags
 * (stale, chronic amber) and the working days left computed for `nowMs` by the domain's rules, so
 * a list is never behind the clock even when the workflow has yet to wake and re-project.
 */
export function toActionRecord(row: Action, nowMs: number) {
  const state = ZActionState.parse(row.state);
  const view = actionView(state, nowMs, defaultCalendar());
  const closed = state.status === 'complete' || state.status === 'cancelled';
  return {
    id: row.id,
    programmeId: state.programmeId,
    title: state.title,
    description: state.description,
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
    workingDaysLeft: closed ? null : view.timeLeft.workingDays,
    /** Past the end of its due date and still open (awaiting sign-off counts as delivered, as the RAG rules say). */
    overdue: state.status === 'open' && nowMs >= state.dueAt,
    rag: view.rag.rag,
    ragReasons: view.rag.reasons,
    flags: view.rag.flags,
    stale: view.rag.flags.includes('stale'),
    chronicAmber: view.rag.flags.includes('chronic_amber'),
    staleSinceOn: view.rag.staleSinceOn,
    amberCycles: view.rag.amberCycles,
    ragAsAt: iso(view.asAt),
    awaitingSignOff: state.status === 'awaiting_sign_off',
    percentComplete: state.percentComplete,
    ownerRag: state.ownerRag,
    latestNote: state.latestNote,
    lastUpdateOn: state.lastUpdateOn,
    evidence: state.evidence.map((e) => ({ ...e, addedAt: iso(e.addedAt) })),
    pendingExtension: state.pendingExtension ? { ...state.pendingExtension, requestedAt: iso(state.pendingExtension.requestedAt) } : null,
    extensions: state.extensions.map((e) => ({ ...e, requestedAt: iso(e.requestedAt), decidedAt: iso(e.decidedAt) })),
    signOffRequestedBy: state.signOffRequestedBy,
    closedAt: state.closedAt === null ? null : iso(state.closedAt),
    closedBy: state.closedBy,
    /** The reminders and escalations still to come for the current due date, in firing order. */
    nextSteps: view.pendingSteps.map((s) => ({ stepId: s.stepId, kind: s.kind, level: s.level, label: s.label, fireOn: s.fireOn, fireAt: iso(s.fireAt) })),
    history: state.history.map((h) => ({ ...h, at: iso(h.at) })),
    stateVersion: row.stateVersion,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type ActionRecord = ReturnType<typeof toActionRecord>;
