/**
 * The figures the dashboard shows and the board pack prints, computed in one place so the two
 * cannot disagree (issue 14): actions by RAG per workstream, overdue actions, deadlines due soon
 * and overdue, KPIs and risks by RAG, risks at or over threshold, open escalations. Each function
 * takes the rows already computed for one instant (the API's list rows for "now", or the board
 * pack's rows rebuilt from history for any instant) and only counts.
 */
import type { TActionRag } from '../action/index.js';

/** How far ahead "due soon" looks: the board meets about monthly, so 20 working days. */
export const DEADLINE_WINDOW_WORKING_DAYS = 20;

/** Past the end of its due date and still open (awaiting sign-off counts as delivered, as the RAG rules say). */
export function isActionOverdue(a: { status: string; dueAt: number }, nowMs: number): boolean {
  return a.status === 'open' && nowMs >= a.dueAt;
}

/** The columns of "actions by RAG", worst first; cancelled actions are left out of the plan's picture. */
export const WORKSTREAM_RAG_COLUMNS = ['red', 'amber', 'green', 'awaiting_sign_off', 'complete'] as const satisfies readonly TActionRag[];
export type TWorkstreamRagColumn = (typeof WORKSTREAM_RAG_COLUMNS)[number];

export interface TWorkstreamRag {
  key: string;
  name: string;
  lead: string | null;
  counts: Record<TWorkstreamRagColumn, number>;
  total: number;
}

/** A workstream of the register, as the workstreams list returns it. */
export interface TWorkstreamIn { key: string; name: string; priorityNumber?: number | null; lead?: { name: string } | null }

const emptyColumns = (): Record<TWorkstreamRagColumn, number> => ({ red: 0, amber: 0, green: 0, awaiting_sign_off: 0, complete: 0 });

/**
 * Actions counted by RAG for each workstream, in the plan's priority order (the order given); an
 * action names its workstream by key (or, in older data, by name); actions whose workstream is not
 * in the register come last under "Not in a workstream". Rows with no actions are kept, so a
 * priority with nothing planned against it shows as such.
 */
export function ragByWorkstream(
  actions: readonly { workstream: string | null; rag: TActionRag }[],
  workstreams: readonly TWorkstreamIn[],
): TWorkstreamRag[] {
  const rows = workstreams.map((w): TWorkstreamRag => ({
    key: w.key, name: w.priorityNumber != null ? `${w.priorityNumber}. ${w.name}` : w.name, lead: w.lead?.name ?? null, counts: emptyColumns(), total: 0,
  }));
  const byKey = new Map<string, TWorkstreamRag>();
  workstreams.forEach((w, i) => {
    byKey.set(w.name, rows[i]!);
  });
  workstreams.forEach((w, i) => {
    byKey.set(w.key, rows[i]!); // a key wins over another workstream's identical name
  });
  const other: TWorkstreamRag = { key: '', name: 'Not in a workstream', lead: null, counts: emptyColumns(), total: 0 };
  for (const a of actions) {
    if (a.rag === 'cancelled') continue;
    const row = (a.workstream && byKey.get(a.workstream)) || other;
    row.counts[a.rag] += 1;
    row.total += 1;
  }
  return other.total > 0 ? [...rows, other] : rows;
}

export type TRagCountKey = 'red' | 'amber' | 'green' | 'none';
export type TRagCounts = Record<TRagCountKey, number>;

/** KPIs or risks counted by RAG; `none` counts those with no figure yet. */
export function countRag(items: readonly { rag: 'red' | 'amber' | 'green' | null }[]): TRagCounts {
  const counts: TRagCounts = { red: 0, amber: 0, green: 0, none: 0 };
  for (const i of items) counts[i.rag ?? 'none'] += 1;
  return counts;
}

/** A date something is due: a statutory or plan clock of the programme, or an open action. */
export interface TDeadline {
  key: string;
  kind: 'clock' | 'action';
  label: string;
  dueOn: string;
  workingDaysLeft: number;
  /** The action's id (its page); clocks are on the programme page. */
  actionId?: string;
  owner?: string;
}

/** Clocks still waiting for their event (not met, not closed late) and open actions, soonest first. */
export function deadlines(
  clocks: readonly { name: string; label: string; dueOn: string; status: string; closedAt?: number | string | null; workingDaysLeft: number | null }[],
  actions: readonly { id: string; title: string; status: string; dueOn: string; workingDaysLeft: number | null; owner: { name: string } }[],
): TDeadline[] {
  const fromClocks = clocks
    .filter((c) => c.status !== 'met' && c.closedAt == null && c.workingDaysLeft != null)
    .map((c): TDeadline => ({ key: `clock:${c.name}:${c.dueOn}`, kind: 'clock', label: c.label, dueOn: c.dueOn, workingDaysLeft: c.workingDaysLeft! }));
  const fromActions = actions
    .filter((a) => a.status === 'open' && a.workingDaysLeft != null)
    .map((a): TDeadline => ({ key: `action:${a.id}`, kind: 'action', label: a.title, dueOn: a.dueOn, workingDaysLeft: a.workingDaysLeft!, actionId: a.id, owner: a.owner.name }));
  return [...fromClocks, ...fromActions].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

export const upcomingDeadlines = (all: readonly TDeadline[]) => all.filter((d) => d.workingDaysLeft >= 0 && d.workingDaysLeft <= DEADLINE_WINDOW_WORKING_DAYS);
export const overdueDeadlines = (all: readonly TDeadline[]) => all.filter((d) => d.workingDaysLeft < 0);

/** Everything the dashboard's tiles and RAG table count, for one instant. */
export interface TBoardFigures {
  actionsByWorkstream: TWorkstreamRag[];
  /** Open actions past their due date (the actions list's "Overdue" filter). */
  overdueActions: number;
  kpis: TRagCounts;
  risks: TRagCounts;
  risksToEscalate: number;
  openEscalations: number;
  deadlinesSoon: number;
  overdueDeadlines: number;
}

export interface TBoardFigureInputs {
  actions: readonly { id: string; title: string; status: string; dueOn: string; workingDaysLeft: number | null; owner: { name: string }; workstream: string | null; rag: TActionRag; overdue: boolean }[];
  workstreams: readonly TWorkstreamIn[];
  clocks: Parameters<typeof deadlines>[0];
  kpis: readonly { rag: 'red' | 'amber' | 'green' | null }[];
  risks: readonly { rag: 'red' | 'amber' | 'green' | null; escalate: boolean }[];
  /** Escalations fired and not (yet) acknowledged. */
  openEscalations: number;
}

/** The dashboard's figures from rows computed for one instant. */
export function boardFigures(i: TBoardFigureInputs): TBoardFigures {
  const due = deadlines(i.clocks, i.actions);
  return {
    actionsByWorkstream: ragByWorkstream(i.actions, i.workstreams),
    overdueActions: i.actions.filter((a) => a.overdue).length,
    kpis: countRag(i.kpis),
    risks: countRag(i.risks),
    risksToEscalate: i.risks.filter((r) => r.escalate).length,
    openEscalations: i.openEscalations,
    deadlinesSoon: upcomingDeadlines(due).length,
    overdueDeadlines: overdueDeadlines(due).length,
  };
}
