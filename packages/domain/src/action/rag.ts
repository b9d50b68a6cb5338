/**
 * RAG rules for improvement-plan actions, as code. Pure: the workflow, the read model and the audit
 * replay all call these, so a RAG can always be explained and reproduced.
 *
 * Base RAG (first rule that matches wins):
 *  1. cancelled          → 'cancelled' (not rated; rollups leave it out)
 *  2. signed off         → 'complete'
 *  3. awaiting sign-off  → 'awaiting_sign_off' ("complete — awaiting sign-off"): the owner has
 *                          delivered; a late sign-off is the programme's delay, not the owner's.
 *  4. red   if past the due date (from the end of the due day in London) and not complete,
 *           or a ladder step with `setsRed` has fired for the current due date,
 *           or the owner rates it red.
 *  5. amber if due within `amberWithinWD` working days (default 10; `workingDaysBetween(today,
 *           dueOn) <= 10`, so the due day itself counts) and less than 100% done,
 *           or the owner rates it amber.
 *  6. green otherwise.
 * The owner's own rating can make the RAG worse, never better: rules 4–5 apply whatever they say.
 *
 * Flags (only while the action is open):
 *  - 'stale': no progress update or evidence for `staleAfterWD` working days (DEFAULT_CLOCKS
 *    .staleAfterWD, BRIEF (b): 20). Counted from the last update, or from creation if none; stale
 *    from the start of the Nth working day after it (`addWorkingDays(last, N)`).
 *  - 'chronic_amber' (BRIEF (b): "amber for 2+ cycles or across plan years", seed 003): amber now,
 *    and either amber at the close of each of the last `chronicAmberCycles` (default 2) reporting
 *    cycles, or amber at the close of a plan year and still amber in the next.
 *    A reporting cycle is a calendar month in London, closing at its last instant; the RAG then is
 *    recomputed from the RAG inputs in force at that instant (state.ragHistory), so amber that time
 *    alone caused counts too. Only closed cycles count, so the 10-working-day window before a due
 *    date (which can straddle one month end) does not by itself make an action chronic. Plan years
 *    run April to March, as municipal and financial years do, so a plan year closes at the end of
 *    March.
 */
import { addDays, addMonths, isoDateParts } from '../calendar/iso-date.js';
import { endOfLondonDayUtcMs, londonDateOf, londonMidnightUtcMs } from '../calendar/london-time.js';
import { formatLongDate } from '../calendar/format.js';
import type {
  TActionRag,
  TActionRagAssessment,
  TActionRagFlag,
  TActionRagInputs,
  TActionRules,
  TActionState,
} from './state.js';

/** The calendar operations the rules need; satisfied by WorkingDayCalendar. */
export interface ActionCalendar {
  addWorkingDays(d: string, n: number): string;
  workingDaysBetween(a: string, b: string): number;
}

export type RagInputs = Omit<TActionRagInputs, 'at'>;
export type RagState = Pick<
  TActionState,
  'status' | 'percentComplete' | 'ownerRag' | 'dueOn' | 'ladderRed' | 'rules' | 'ragHistory' | 'lastUpdateOn' | 'createdOn'
>;

/** The RAG inputs of a state, in the shape ragHistory records. */
export function ragInputsOf(s: RagInputs): RagInputs {
  return { status: s.status, percentComplete: s.percentComplete, ownerRag: s.ownerRag, dueOn: s.dueOn, ladderRed: s.ladderRed };
}

/** Rules 1–6 above at instant `at`, without flags. Reasons are worded to stay true until the RAG changes. */
export function baseActionRag(
  inputs: RagInputs,
  rules: Pick<TActionRules, 'amberWithinWD'>,
  at: number,
  calendar: ActionCalendar,
): { rag: TActionRag; reasons: string[] } {
  if (inputs.status === 'cancelled') return { rag: 'cancelled', reasons: ['Cancelled: not rated'] };
  if (inputs.status === 'complete') return { rag: 'complete', reasons: ['Signed off as complete'] };
  if (inputs.status === 'awaiting_sign_off') return { rag: 'awaiting_sign_off', reasons: ['Complete — awaiting sign-off'] };

  const red: string[] = [];
  if (at >= endOfLondonDayUtcMs(inputs.dueOn)) red.push(`Past its due date of ${formatLongDate(inputs.dueOn)} and not complete`);
  if (inputs.ladderRed) red.push('Escalated: a red step of the escalation ladder has fired');
  if (inputs.ownerRag === 'red') red.push('The owner rates it red');
  if (red.length) return { rag: 'red', reasons: red };

  const amber: string[] = [];
  const left = calendar.workingDaysBetween(londonDateOf(at), inputs.dueOn);
  if (left <= rules.amberWithinWD && inputs.percentComplete < 100) {
    amber.push(`Due within ${rules.amberWithinWD} working days (${formatLongDate(inputs.dueOn)}) and ${inputs.percentComplete}% complete`);
  }
  if (inputs.ownerRag === 'amber') amber.push('The owner rates it amber');
  if (amber.length) return { rag: 'amber', reasons: amber };
  return { rag: 'green', reasons: ['On track'] };
}

/** The inputs in force at `instant`, or undefined before the action existed. */
function inputsAt(history: TActionRagInputs[], instant: number): TActionRagInputs | undefined {
  let found: TActionRagInputs | undefined;
  for (const h of history) {
    if (h.at > instant) break;
    found = h;
  }
  return found;
}

function firstOfMonth(isoDate: string): string {
  return `${isoDate.slice(0, 7)}-01`;
}

/** How many consecutive month ends before `at` (newest first) were amber, and whether one was a 31 March. */
function amberRun(state: RagState, at: number, calendar: ActionCalendar): { cycles: number; crossesPlanYear: boolean } {
  let cycles = 0;
  let crossesPlanYear = false;
  let monthStart = firstOfMonth(londonDateOf(at));
  // Bounded: an action lasting more than 20 years is someone else's problem.
  for (let i = 0; i < 240; i++) {
    const monthEnd = londonMidnightUtcMs(monthStart) - 1;
    const inputs = inputsAt(state.ragHistory, monthEnd);
    if (!inputs || baseActionRag(inputs, state.rules, monthEnd, calendar).rag !== 'amber') break;
    cycles++;
    if (isoDateParts(londonDateOf(monthEnd)).month === 3) crossesPlanYear = true;
    monthStart = addMonths(monthStart, -1);
  }
  return { cycles, crossesPlanYear };
}

/** The RAG and flags of an action at `at`. */
export function assessActionRag(state: RagState, at: number, calendar: ActionCalendar): TActionRagAssessment {
  const { rag, reasons } = baseActionRag(ragInputsOf(state), state.rules, at, calendar);
  const flags: TActionRagFlag[] = [];
  let staleSinceOn: string | null = null;
  let amberCycles = 0;
  let crossesPlanYear = false;

  if (state.status === 'open') {
    const lastOn = state.lastUpdateOn ?? state.createdOn;
    const staleFrom = calendar.addWorkingDays(lastOn, state.rules.staleAfterWD);
    if (londonDateOf(at) >= staleFrom) {
      flags.push('stale');
      staleSinceOn = staleFrom;
      reasons.push(state.lastUpdateOn
        ? `Stale: no update for ${state.rules.staleAfterWD} working days or more (last on ${formatLongDate(lastOn)})`
        : `Stale: no update since it was created on ${formatLongDate(lastOn)}`);
    }
  }
  if (rag === 'amber') {
    ({ cycles: amberCycles, crossesPlanYear } = amberRun(state, at, calendar));
    if (amberCycles >= state.rules.chronicAmberCycles || crossesPlanYear) {
      flags.push('chronic_amber');
      reasons.push(`Chronic amber: amber at the close of ${amberCycles} consecutive monthly reporting ` +
        `cycle${amberCycles === 1 ? '' : 's'}${crossesPlanYear ? ', carried over from the previous plan year' : ''}`);
    }
  }
  return { rag, reasons, flags, asAt: at, staleSinceOn, amberCycles, crossesPlanYear };
}

/** True when two assessments would read the same to a user (the instant aside). */
export function sameActionRag(a: TActionRagAssessment, b: TActionRagAssessment): boolean {
  return a.rag === b.rag && a.flags.join() === b.flags.join() && a.reasons.join('\n') === b.reasons.join('\n');
}

/** The first day on which `workingDaysBetween(day, dueOn) <= withinWD` holds. */
function amberStartsOn(dueOn: string, withinWD: number, calendar: ActionCalendar): string {
  let d = calendar.addWorkingDays(dueOn, -(withinWD + 2));
  while (calendar.workingDaysBetween(d, dueOn) > withinWD) d = addDays(d, 1);
  return d;
}

/**
 * The next instant after `now` at which time alone may change the RAG or its flags: the due date
 * passing, the amber window opening, the action going stale, or (while amber) a month ending.
 * The workflow wakes then, so the read model never shows a RAG that time has overtaken.
 * Null when nothing time-driven is left (the action is not open).
 */
export function nextRagReviewAt(state: RagState, now: number, calendar: ActionCalendar): number | null {
  if (state.status !== 'open') return null;
  const candidates = [endOfLondonDayUtcMs(state.dueOn)];
  if (state.percentComplete < 100) {
    candidates.push(londonMidnightUtcMs(amberStartsOn(state.dueOn, state.rules.amberWithinWD, calendar)));
  }
  const lastOn = state.lastUpdateOn ?? state.createdOn;
  candidates.push(londonMidnightUtcMs(calendar.addWorkingDays(lastOn, state.rules.staleAfterWD)));
  if (baseActionRag(ragInputsOf(state), state.rules, now, calendar).rag === 'amber') {
    candidates.push(londonMidnightUtcMs(addMonths(firstOfMonth(londonDateOf(now)), 1)));
  }
  const future = candidates.filter((t) => t > now);
  return future.length ? Math.min(...future) : null;
}
