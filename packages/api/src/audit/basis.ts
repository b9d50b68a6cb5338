/**
 * A programme's or an action's state at an instant on either basis — what had been *recorded* by
 * then (./as-at.ts, by workflow time) or what had *happened* by then (./happened.ts, by the dates the
 * records carry) — and what changed between two instants on that basis. The slider, the diff and
 * the board pack all come through here, so they answer the same question the same way.
 */
import type { ActionView, TActionState, THistoryEntry, TProgrammeState } from '@ip/domain';
import type { ProgrammeView } from '@ip/workflows/definitions';
import { actionAsAt, lifecycleAsAt, programmeAsAt } from './as-at.js';
import { diffActionStates, diffProgrammeStates, type Change } from './diff.js';
import { actionHappened, lifecycleHappened, programmeHappened, type DatedChange, type Happened } from './happened.js';
import type { WorkflowHistory } from './history-source.js';
import type { TAsAtBasis } from './inputs.js';

export interface OnBasis<S, V> {
  state: S | null;
  view: V | null;
  /** Lines of `state.history` with, on the "happened" basis, the change that wrote each (null: time alone). */
  lineSources: Array<DatedChange | null> | null;
  /** What the reader must know about this answer (a refused change, a history that could not be re-run). */
  notes: string[];
}

function fromHappened<S, V>(h: Happened<S, V>, name: string, recorded: () => { state: S | null; view: V | null }): OnBasis<S, V> {
  if (!h.reenacted) {
    const r = recorded();
    return { ...r, lineSources: null, notes: [`${name}: its history is from the first workflow versions, so it is shown as recorded, not by the dates its records carry.`] };
  }
  const notes = h.refused.map((r) => `${name}: “${r.type.replace(/_/g, ' ')}” dated ${new Date(r.happenedAt).toISOString().slice(0, 10)} cannot follow what is dated before it (${r.reason}); it is left out of this view.`);
  return { state: h.state, view: h.view, lineSources: h.lineSources, notes };
}

export function programmeOn(history: WorkflowHistory, at: number, basis: TAsAtBasis, name = 'The programme'): OnBasis<TProgrammeState, ProgrammeView> {
  const recorded = () => programmeAsAt(history, { at });
  if (basis === 'recorded') return { ...recorded(), lineSources: null, notes: [] };
  return fromHappened(programmeHappened(history, at), name, recorded);
}

export function actionOn(history: WorkflowHistory, at: number, basis: TAsAtBasis, name = 'The action'): OnBasis<TActionState, ActionView> {
  const recorded = () => actionAsAt(history, { at });
  if (basis === 'recorded') return { ...recorded(), lineSources: null, notes: [] };
  return fromHappened(actionHappened(history, at), name, recorded);
}

export function lifecycleOn(history: WorkflowHistory, at: number, basis: TAsAtBasis, name: string): OnBasis<Record<string, unknown>, Record<string, unknown>> {
  const recorded = () => lifecycleAsAt(history, { at }) as unknown as { state: Record<string, unknown> | null; view: Record<string, unknown> | null };
  if (basis === 'recorded') return { ...recorded(), lineSources: null, notes: [] };
  return fromHappened(lifecycleHappened(history, at) as unknown as Happened<Record<string, unknown>, Record<string, unknown>>, name, recorded);
}

/** A line of the "what changed" list: when it happened (and, on the "happened" basis, when it was recorded). */
export type DiffLine = THistoryEntry & { subject: string; recordedAt: number | null; dated: boolean | null };

/** The lines written between two versions of the same state, with their sources on the "happened" basis. */
export function linesBetween(subject: string, a: OnBasis<{ history: THistoryEntry[] }, unknown>, b: OnBasis<{ history: THistoryEntry[] }, unknown>): DiffLine[] {
  if (!b.state) return [];
  const from = a.state?.history.length ?? 0;
  return b.state.history.slice(from).map((e, i) => {
    const src = b.lineSources ? (b.lineSources[from + i] ?? null) : undefined;
    return { ...e, subject, recordedAt: src === undefined ? null : (src?.recordedAt ?? null), dated: src === undefined ? null : (src?.dated ?? false) };
  });
}

export interface BasisDiff {
  changes: Change[];
  events: DiffLine[];
  notes: string[];
}

/** What changed in one programme or action between two instants, on a basis. */
export function diffOn(kind: 'programme' | 'action', history: WorkflowHistory, from: number, to: number, basis: TAsAtBasis): BasisDiff {
  if (kind === 'programme') {
    const a = programmeOn(history, from, basis);
    const b = programmeOn(history, to, basis);
    const subject = b.state?.authorityName ?? a.state?.authorityName ?? history.workflowId;
    return { changes: diffProgrammeStates(a.state, b.state), events: linesBetween(subject, a, b), notes: [...new Set([...a.notes, ...b.notes])] };
  }
  const a = actionOn(history, from, basis);
  const b = actionOn(history, to, basis);
  const subject = b.state?.title ?? a.state?.title ?? history.workflowId;
  const name = `Action “${subject}”`;
  return {
    changes: diffActionStates(a.state, b.state),
    events: linesBetween(subject, a, b),
    notes: [...new Set([...a.notes, ...b.notes])].map((n) => n.replace(/^The action/, name)),
  };
}
