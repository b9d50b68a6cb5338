/**
 * The programme figures an action's slip moves (overdue actions, actions by RAG per workstream),
 * week by week. Every other action of the programme runs on through the same simulation with
 * nothing done (its own due date, ladder and RAG rules, read from the read model), so the figures
 * are the programme's as they would stand; the two columns differ only by this action:
 *  - with a new due date: as it stands (not done) → with the change;
 *  - "what if it is not done": this action as it stands today → as it would stand then.
 * Consecutive weeks with the same differences are reported once, as a range.
 */
import type { PrismaClient } from '@ip/db';
import {
  figureDifferences, londonDateOf, programmeFigures, ZActionState, type FigureAction, type ProgrammeFigures,
  type TCalendarOverridesInput,
} from '@ip/domain';
import { simulateAction, type ActionWeek, type ActionWhatIf } from '@ip/workflows/what-if';

export interface FigureChange {
  from: number;
  fromOn: string;
  to: number;
  toOn: string;
  differences: string[];
  before: ProgrammeFigures;
  after: ProgrammeFigures;
}

export interface ActionFigures {
  /** What the left-hand figures assume for this action. */
  comparing: 'as_it_stands_today' | 'as_it_stands';
  /** The programme's figures now, this action as it stands. */
  now: ProgrammeFigures;
  changes: FigureChange[];
  /** Workstream key → name ('' → "Not in a workstream"). */
  workstreams: Record<string, string>;
  actionsCounted: number;
  notes: string[];
}

const figureOf = (workstream: string, w: Pick<ActionWeek, 'rag' | 'overdue'>): FigureAction => ({ workstream, rag: w.rag, overdue: w.overdue });

export async function actionFigures(
  prisma: PrismaClient,
  input: { programmeId: string; actionId: string; workstream: string | null; whatIf: ActionWhatIf; calendarOverrides: TCalendarOverridesInput | undefined },
): Promise<ActionFigures> {
  const { whatIf } = input;
  const notes: string[] = [];
  const register = await prisma.workstream.findMany({ where: { programmeId: input.programmeId }, orderBy: [{ priorityNumber: 'asc' }, { key: 'asc' }] });
  const keyOf = (ws: string | null): string => (ws ? (register.find((w) => w.key === ws || w.name === ws)?.key ?? ws) : '');
  const workstreams: Record<string, string> = { '': 'Not in a workstream' };
  for (const w of register) workstreams[w.key] = w.priorityNumber != null ? `${w.priorityNumber}. ${w.name}` : w.name;

  // Every other action, at each sample instant.
  const rows = await prisma.action.findMany({ where: { programmeId: input.programmeId, id: { not: input.actionId } }, select: { id: true, state: true, status: true, workstream: true }, orderBy: { id: 'asc' } });
  const others: FigureAction[][] = whatIf.samples.map(() => []);
  for (const row of rows) {
    const ws = keyOf(row.workstream);
    if (row.status === 'complete' || row.status === 'cancelled') {
      for (const list of others) list.push({ workstream: ws, rag: row.status, overdue: false });
      continue;
    }
    const parsed = ZActionState.safeParse(row.state);
    if (!parsed.success) {
      notes.push(`Action ${row.id} could not be read from the read model and is left out of the figures.`);
      continue;
    }
    const weeks = simulateAction(parsed.data, { calendarOverrides: input.calendarOverrides }, row.id, { from: whatIf.asAt, until: whatIf.until, samples: whatIf.samples }).scenario.weeks;
    weeks.forEach((w, i) => others[i]?.push(figureOf(ws, w)));
  }

  const ws = keyOf(input.workstream);
  const right = whatIf.withChange ?? whatIf.asItStands;
  const today = whatIf.asItStands.weeks[0];
  const left = (i: number): FigureAction | null => {
    if (whatIf.withChange) return whatIf.asItStands.weeks[i] ? figureOf(ws, whatIf.asItStands.weeks[i]) : null;
    // "If it is not done" is compared with this action as it stands today: the RAG and overdue it has now.
    return today ? figureOf(ws, today) : null;
  };
  const changes: FigureChange[] = [];
  whatIf.samples.forEach((at, i) => {
    const a = left(i);
    const b = right.weeks[i];
    if (!a || !b) return;
    const before = programmeFigures([...others[i]!, a]);
    const after = programmeFigures([...others[i]!, figureOf(ws, b)]);
    const differences = figureDifferences(before, after, (k) => workstreams[k] ?? k);
    if (differences.length === 0) return;
    const last = changes.at(-1);
    if (last && last.differences.join('\n') === differences.join('\n') && whatIf.samples[i - 1] === last.to) {
      last.to = at;
      last.toOn = londonDateOf(at);
    } else {
      changes.push({ from: at, fromOn: londonDateOf(at), to: at, toOn: londonDateOf(at), differences, before, after });
    }
  });
  const nowList = [...(others[0] ?? []), ...(today ? [figureOf(ws, today)] : [])];
  return {
    comparing: whatIf.withChange ? 'as_it_stands' : 'as_it_stands_today',
    now: programmeFigures(nowList),
    changes,
    workstreams,
    actionsCounted: nowList.length,
    notes,
  };
}
