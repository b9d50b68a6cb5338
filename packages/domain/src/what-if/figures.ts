/**
 * The programme figures a slip moves: how many actions are overdue and how the plan's actions count
 * by RAG in each workstream. Defined as the console defines them: "overdue" as the actions list's
 * filter does (open, and past the end of its due date in London; an action awaiting sign-off has
 * been delivered), RAG by workstream as the dashboard counts it (cancelled actions left out).
 * Pure: the what-if computes them for simulated states at simulated instants.
 */
import { RAG_LABELS, ACTION_RAG_LABELS } from '../labels/index.js';
import type { TActionRag, TActionStatus } from '../action/state.js';

/** The RAG columns of the dashboard's "actions by RAG, per workstream" (cancelled is not rated). */
export const FIGURE_RAG_COLUMNS = ['red', 'amber', 'green', 'awaiting_sign_off', 'complete'] as const;
export type TFigureRagColumn = (typeof FIGURE_RAG_COLUMNS)[number];

/** One action as the figures read it at one instant (its RAG then, and whether it was overdue then: isOverdueAt). */
export interface FigureAction {
  workstream: string | null;
  rag: TActionRag;
  overdue: boolean;
}

export interface ProgrammeFigures {
  overdue: number;
  /** Workstream key ('' for actions in no workstream) → counts by RAG column. */
  byWorkstream: Record<string, Record<TFigureRagColumn, number>>;
}

const empty = (): Record<TFigureRagColumn, number> => ({ red: 0, amber: 0, green: 0, awaiting_sign_off: 0, complete: 0 });

/** Open and past the end of its due date: the actions list's "overdue". */
export function isOverdueAt(a: { status: TActionStatus; dueAt: number }, at: number): boolean {
  return a.status === 'open' && at >= a.dueAt;
}

/** The figures for a set of actions, each assessed at the same instant. */
export function programmeFigures(actions: readonly FigureAction[]): ProgrammeFigures {
  const byWorkstream: ProgrammeFigures['byWorkstream'] = {};
  let overdue = 0;
  for (const a of actions) {
    if (a.overdue) overdue += 1;
    if (a.rag === 'cancelled') continue;
    (byWorkstream[a.workstream ?? ''] ??= empty())[a.rag] += 1;
  }
  return { overdue, byWorkstream };
}

const COLUMN_WORDS: Record<TFigureRagColumn, string> = { ...RAG_LABELS, awaiting_sign_off: ACTION_RAG_LABELS.awaiting_sign_off, complete: 'Complete' };

/**
 * What differs between two sets of figures, in words ("Overdue actions: 4 → 5", "Front door: red
 * 1 → 2, amber 2 → 1"). `nameOf` names a workstream key (the register's name; '' is no workstream).
 */
export function figureDifferences(a: ProgrammeFigures, b: ProgrammeFigures, nameOf: (key: string) => string): string[] {
  const out: string[] = [];
  if (a.overdue !== b.overdue) out.push(`Overdue actions: ${a.overdue} → ${b.overdue}`);
  const keys = [...new Set([...Object.keys(a.byWorkstream), ...Object.keys(b.byWorkstream)])].sort();
  for (const k of keys) {
    const x = a.byWorkstream[k] ?? empty();
    const y = b.byWorkstream[k] ?? empty();
    const moved = FIGURE_RAG_COLUMNS.filter((c) => x[c] !== y[c]).map((c) => `${COLUMN_WORDS[c].toLowerCase()} ${x[c]} → ${y[c]}`);
    if (moved.length) out.push(`${nameOf(k)}: ${moved.join(', ')}`);
  }
  return out;
}
