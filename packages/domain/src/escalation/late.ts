/**
 * The late-escalation rule, one for every ladder in the product (actions, programme clocks, visits,
 * interventions, information requests). Pure: the workflows decide with it and the audit folds
 * replay the same decision.
 *
 * A ladder step is *due* once its instant has passed. Normally a durable timer wakes the workflow at
 * that instant and the step is raised within seconds. It can also be found due long after its
 * instant: an action or a clock entered with a due date already in the past, a due date moved into
 * the past, or the worker or Temporal down across the instant. Then:
 *  - a reminder whose moment has passed (more than LATE_AFTER_MS ago, or after the deadline itself)
 *    is not sent: reminding someone of the past helps nobody. It is recorded as skipped;
 *  - among the escalations found due, only the highest reached (the latest in the ladder) is raised,
 *    once, at once, and marked *raised late*; the lower ones it overtook are recorded as superseded,
 *    so nobody receives a stale "overdue 5 days" after the "overdue 10 days" that replaced it;
 *  - a step raised within LATE_AFTER_MS of its instant is on time: the rule changes nothing when
 *    the system is up (several steps due at the same instant all fire).
 */

/** A step raised more than this long after its instant was missed: raised late (or skipped, for a reminder). */
export const LATE_AFTER_MS = 60 * 60_000;

export interface DueStep {
  kind: 'reminder' | 'escalation';
  /** The step's instant (epoch ms); ≤ the decision's `at`. */
  fireAt: number;
}

/** Why a step that came due was not raised. */
export type TSkipReason = 'late' | 'deadline_passed' | 'awaiting_sign_off';

export type StepDecision =
  | { outcome: 'fired'; late: boolean }
  | { outcome: 'skipped'; because: TSkipReason }
  | { outcome: 'superseded' };

/**
 * The decision for `due[0]`, given every step due at `at` (instant ≤ at) in firing order, and the
 * deadline's instant (reminders are never sent after it).
 */
export function decideDueStep(due: readonly DueStep[], at: number, deadlineAt: number): StepDecision {
  const step = due[0];
  if (!step) throw new Error('decideDueStep: no step is due');
  const late = at - step.fireAt > LATE_AFTER_MS;
  if (step.kind === 'reminder') {
    if (at >= deadlineAt) return { outcome: 'skipped', because: 'deadline_passed' };
    return late ? { outcome: 'skipped', because: 'late' } : { outcome: 'fired', late: false };
  }
  if (late && due.slice(1).some((s) => s.kind === 'escalation')) return { outcome: 'superseded' };
  return { outcome: 'fired', late };
}

/** The words the timelines use for a step that was not raised, or raised late. */
export function lateWording(d: StepDecision): string | null {
  if (d.outcome === 'superseded') return 'not raised: a later step of the ladder was already due and was raised instead';
  if (d.outcome === 'skipped') {
    return d.because === 'deadline_passed' ? 'reminder not sent: the deadline had already passed'
      : d.because === 'late' ? 'reminder not sent: its moment had passed'
        : 'reminder not sent: the action is awaiting sign-off';
  }
  return d.late ? 'raised late: its moment had passed when the system reached it' : null;
}
