import { endOfLondonDayUtcMs, londonMidnightUtcMs } from '../calendar/london-time.js';
import { ESCALATION_LEVELS, FIRE_AT_LOCAL_TIME_DEFAULT } from './levels.js';
import type { TLadder, TLadderInput, TLadderStep } from './schemas.js';

export { ESCALATION_LEVELS, FIRE_AT_LOCAL_TIME_DEFAULT } from './levels.js';
export type { TEscalationLevel, TLadder, TLadderInput, TLadderStep } from './schemas.js';

/**
 * Escalation ladders as data (BRIEF (b), "proposed, not mandated"): each programme may configure its
 * own. A step fires at an offset in working days from a deadline: negative offsets are reminders
 * before it, 0 is the deadline itself, positive offsets escalate while it stays unmet. The zod
 * schemas (ZLadder, ZLadderStep, ZEscalationLevel) are in ./schemas.ts.
 */

/**
 * A ladder with its defaults filled in, exactly as ZLadder.parse returns a valid one (same keys, same
 * order), without zod: built-in ladders are built with it at module load and workflows apply it to
 * a ladder they are given (already validated by ZLadder where it entered the system).
 */
export function ladderWithDefaults(l: TLadderInput): TLadder {
  return {
    id: l.id,
    name: l.name,
    fireAtLocalTime: l.fireAtLocalTime ?? FIRE_AT_LOCAL_TIME_DEFAULT,
    steps: l.steps.map((s) => ({
      id: s.id,
      offsetWorkingDays: s.offsetWorkingDays,
      kind: s.kind,
      level: s.level,
      label: s.label,
      setsRed: s.setsRed ?? false,
      onlyIfOfstedLinked: s.onlyIfOfstedLinked ?? false,
    })),
  };
}

/**
 * Why a ladder given to a workflow cannot be scheduled ("ladder.steps.0.level: …"), or undefined if it
 * can: the checks the timers
 * depend on (ZLadder, which the API parses ladders with, checks labels and ranges too). Without zod,
 * so workflows can run it in their validators.
 */
export function ladderProblem(l: unknown, path = 'ladder'): string | undefined {
  const problem = ladderShapeProblem(l);
  return problem && (problem.startsWith('expected') ? `${path}: ${problem}` : `${path}.${problem}`);
}

function ladderShapeProblem(l: unknown): string | undefined {
  if (!l || typeof l !== 'object') return 'expected a ladder';
  const { id, name, fireAtLocalTime, steps } = l as Partial<Record<keyof TLadderInput, unknown>>;
  if (typeof id !== 'string' || !id) return 'id: Required';
  if (typeof name !== 'string' || !name) return 'name: Required';
  if (fireAtLocalTime !== undefined && !(typeof fireAtLocalTime === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(fireAtLocalTime))) {
    return 'fireAtLocalTime: HH:MM';
  }
  if (!Array.isArray(steps) || steps.length === 0) return 'steps: give at least one step';
  const ids = new Set<string>();
  for (const [i, step] of steps.entries()) {
    const st = (step ?? {}) as Record<string, unknown>;
    if (typeof st.id !== 'string' || !/^[a-z0-9-]+$/.test(st.id)) return `steps.${i}.id: step id: lower-case letters, digits and hyphens`;
    if (ids.has(st.id)) return `steps.${i}.id: duplicate step id ${st.id}`;
    ids.add(st.id);
    if (!Number.isSafeInteger(st.offsetWorkingDays)) return `steps.${i}.offsetWorkingDays: expected a whole number of working days`;
    if (st.kind !== 'reminder' && st.kind !== 'escalation') return `steps.${i}.kind: expected reminder or escalation`;
    if (!ESCALATION_LEVELS.includes(st.level as never)) return `steps.${i}.level: expected one of ${ESCALATION_LEVELS.join(', ')}`;
    if (typeof st.label !== 'string' || !st.label) return `steps.${i}.label: Required`;
  }
  return undefined;
}

/** The action ladder proposed in BRIEF (b). */
export const DEFAULT_ACTION_LADDER: TLadder = ladderWithDefaults({
  id: 'action-default',
  name: 'Action deadline (BRIEF (b), proposed)',
  steps: [
    { id: 'remind-10', offsetWorkingDays: -10, kind: 'reminder', level: 'owner', label: 'Reminder to the owner: due in 10 working days' },
    { id: 'remind-5', offsetWorkingDays: -5, kind: 'reminder', level: 'owner', label: 'Reminder to the owner: due in 5 working days' },
    { id: 'red-0', offsetWorkingDays: 0, kind: 'escalation', level: 'workstream_lead', setsRed: true, label: 'Overdue: action turns red; workstream lead told' },
    { id: 'pm-5', offsetWorkingDays: 5, kind: 'escalation', level: 'programme_manager', label: 'Overdue 5 working days: programme manager' },
    { id: 'director-10', offsetWorkingDays: 10, kind: 'escalation', level: 'director', label: 'Overdue 10 working days: AD/DCS and board exception report' },
    { id: 'dfe-20', offsetWorkingDays: 20, kind: 'escalation', level: 'dfe', onlyIfOfstedLinked: true, label: 'Overdue 20 working days on an Ofsted-linked action: board chair and DfE adviser/commissioner' },
  ],
});

/** Overdue information requests go to the committee chair and democratic services (BRIEF (b)). */
export const DEFAULT_INFO_REQUEST_LADDER: TLadder = ladderWithDefaults({
  id: 'info-request-default',
  name: 'Committee information request (BRIEF (b), proposed)',
  steps: [
    { id: 'remind-5', offsetWorkingDays: -5, kind: 'reminder', level: 'owner', label: 'Reminder: answer due in 5 working days' },
    { id: 'overdue-0', offsetWorkingDays: 0, kind: 'escalation', level: 'committee_chair', setsRed: true, label: 'Overdue: committee chair and democratic services told' },
  ],
});

export interface ScheduledStep {
  step: TLadderStep;
  /** The London calendar date the step belongs to. */
  fireOn: string;
  /** The instant it fires (epoch ms). */
  fireAt: number;
}

interface WorkingDays {
  addWorkingDays(from: string, n: number): string;
}

/**
 * When each step of a ladder fires for a deadline on `dueOn`, in firing order. Step 0 fires at the
 * deadline instant (the end of the due date in London); the others at the ladder's local time on
 * the working day `offset` working days from the due date. Pure, so a workflow can schedule its
 * timers from it and a test can check every instant.
 */
export function scheduleLadder(
  ladder: TLadder,
  dueOn: string,
  calendar: WorkingDays,
  opts: { ofstedLinked?: boolean } = {},
): ScheduledStep[] {
  const [hh, mm] = ladder.fireAtLocalTime.split(':').map(Number) as [number, number];
  return ladder.steps
    .filter((s) => !s.onlyIfOfstedLinked || opts.ofstedLinked)
    .map((step) => {
      if (step.offsetWorkingDays === 0) return { step, fireOn: dueOn, fireAt: endOfLondonDayUtcMs(dueOn) };
      const fireOn = calendar.addWorkingDays(dueOn, step.offsetWorkingDays);
      return { step, fireOn, fireAt: londonLocalTimeUtcMs(fireOn, hh, mm) };
    })
    .sort((a, b) => a.fireAt - b.fireAt);
}

/**
 * The instant of a wall-clock time in London on a date. Clock changes happen at 01:00 UTC on
 * Sundays, so on a working day the offset at midnight is the offset all day.
 */
export function londonLocalTimeUtcMs(isoDate: string, hours: number, minutes: number): number {
  return londonMidnightUtcMs(isoDate) + (hours * 60 + minutes) * 60_000;
}

/** The durable id of an escalation: retries and restarts derive the same id, so none is recorded twice. */
export function escalationId(workflowId: string, ladderId: string, stepId: string, baseline: number): string {
  return `${workflowId}/${ladderId}/${stepId}/b${baseline}`;
}
