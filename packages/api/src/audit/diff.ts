/**
 * What changed between two "as at" states, in business words ("what changed between the March and
 * June boards?"): fields, clocks, visits, actions' status/RAG/progress/due date, escalations reached.
 */
import {
  ACTION_RAG_LABELS, ACTION_STATUS_LABELS, CLOCK_OUTCOME_LABELS, formatLongDate, GRADE_LABELS, labelOf, PROGRAMME_PHASE_LABELS,
  type THistoryEntry, type TActionState, type TProgrammeState,
} from '@ip/domain';

export interface Change {
  /** What changed: the programme, or an action's title. */
  subject: string;
  field: string;
  before: string | null;
  after: string | null;
  words: string;
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));
// Coded values read as the console shows them (the domain's labels module).
const label = (labels: Readonly<Record<string, string>>) => (v: string | null) => (v ? labelOf(labels, v) : null);
const dateOrNull = (d: string | null | undefined) => (d ? formatLongDate(d) : null);

function field(out: Change[], subject: string, name: string, label: string, a: unknown, b: unknown, fmt: (v: string | null) => string | null = (v) => v): void {
  const before = str(a);
  const after = str(b);
  if (before === after) return;
  const f = (v: string | null) => fmt(v) ?? 'none';
  out.push({ subject, field: name, before, after, words: `${label}: ${f(before)} → ${f(after)}` });
}

export function diffProgrammeStates(a: TProgrammeState | null, b: TProgrammeState | null): Change[] {
  const out: Change[] = [];
  const subject = b?.authorityName ?? a?.authorityName ?? 'Programme';
  if (!b) return out;
  if (!a) return [{ subject, field: 'programme', before: null, after: 'started', words: `Programme started (cycle ${b.cycle})` }];
  field(out, subject, 'cycle', 'Cycle', a.cycle, b.cycle);
  field(out, subject, 'phase', 'Phase', a.phase, b.phase, label(PROGRAMME_PHASE_LABELS));
  field(out, subject, 'grade', 'Judgement', a.grade, b.grade, label(GRADE_LABELS));
  field(out, subject, 'planSubmittedOn', 'Action plan submitted', a.planSubmittedOn, b.planSubmittedOn, dateOrNull);
  field(out, subject, 'planResponse', 'Ofsted response to the plan', a.planResponse?.outcome, b.planResponse?.outcome);
  const key = (c: TProgrammeState['clocks'][number]) => `${c.name}@${c.startedOn}`;
  const before = new Map(a.clocks.map((c) => [key(c), c]));
  for (const c of b.clocks) {
    const was = before.get(key(c));
    if (!was) out.push({ subject, field: `clock.${c.name}`, before: null, after: c.status, words: `${c.workingDays > 0 ? `${c.workingDays}-working-day clock` : 'Clock'} started: ${c.label}, due ${formatLongDate(c.dueOn)}` });
    else if (was.status !== c.status || (was.closedAt === null) !== (c.closedAt === null)) {
      out.push({ subject, field: `clock.${c.name}`, before: was.status, after: c.status, words: `${c.label}: ${labelOf(CLOCK_OUTCOME_LABELS, was.status)} → ${labelOf(CLOCK_OUTCOME_LABELS, c.status)}${c.closedAt !== null && was.closedAt === null ? ' (done)' : ''}` });
    }
  }
  const visits = new Map(a.visits.map((v) => [v.number, v]));
  for (const v of b.visits) {
    const was = visits.get(v.number);
    if (!was) out.push({ subject, field: `visit.${v.number}`, before: null, after: v.status, words: `Monitoring visit ${v.number} scheduled (${v.theme}), from ${formatLongDate(v.plannedStartOn)}` });
    else if (was.status !== v.status) out.push({ subject, field: `visit.${v.number}`, before: was.status, after: v.status, words: `Monitoring visit ${v.number} ${v.status}` });
  }
  return out;
}

export function diffActionStates(a: TActionState | null, b: TActionState | null): Change[] {
  const out: Change[] = [];
  if (!b) return out;
  const subject = b.title;
  if (!a) return [{ subject, field: 'action', before: null, after: b.status, words: `New action, owned by ${b.owner.name}, due ${formatLongDate(b.dueOn)}` }];
  field(out, subject, 'status', 'Status', a.status, b.status, label(ACTION_STATUS_LABELS));
  field(out, subject, 'rag', 'RAG', a.rag.rag, b.rag.rag, label(ACTION_RAG_LABELS));
  field(out, subject, 'percentComplete', 'Progress (%)', a.percentComplete, b.percentComplete);
  field(out, subject, 'dueOn', 'Due date', a.dueOn, b.dueOn, dateOrNull);
  field(out, subject, 'owner', 'Owner', a.owner.name, b.owner.name);
  if (b.evidence.length > a.evidence.length) out.push({ subject, field: 'evidence', before: String(a.evidence.length), after: String(b.evidence.length), words: `Evidence added: ${b.evidence.slice(a.evidence.length).map((e) => `“${e.title}”`).join(', ')}` });
  return out;
}

/** The business lines written between two versions of a state's history (escalations included). */
export function entriesBetween(a: { history: THistoryEntry[] } | null, b: { history: THistoryEntry[] } | null): THistoryEntry[] {
  return b ? b.history.slice(a?.history.length ?? 0) : [];
}

const ESCALATION_TYPES = new Set(['ladder_step_fired', 'escalation_fired', 'reminder_skipped', 'clock_elapsed']);
export function isEscalationEntry(e: THistoryEntry): boolean {
  return ESCALATION_TYPES.has(e.type);
}
