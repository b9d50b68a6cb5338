/**
 * What an action carries from one workflow run into the next (continue-as-new): its state with the
 * logs trimmed to what its decisions still read. The read model and the histories keep every entry
 * (see ../lifecycle/logs.ts). Pure and workflow-safe.
 */
import { addMonths } from '../calendar/iso-date.js';
import { londonDateOf, londonMidnightUtcMs } from '../calendar/london-time.js';
import { dropLogPrefix } from '../lifecycle/logs.js';
import { baseActionRag, type ActionCalendar } from './rag.js';
import type { TActionState } from './state.js';

/** The action's append-only logs, in the order they are projected. */
export const ACTION_LOGS = ['history', 'evidence', 'extensions', 'steps', 'ragHistory'] as const;

/**
 * The state a new run starts from, at instant `at`:
 *  - history, evidence and extensions are shown, never decided on (the evidence count is kept in
 *    logBase, so evidence ids and "attach evidence before sign-off" still count every item);
 *  - ladder steps of earlier baselines are never pending again (escalation ids carry the baseline);
 *  - RAG inputs before the last month end at which the action was not amber are never looked at
 *    again: chronic amber counts back month by month and stops there (rag.ts amberRun).
 * Also moves the state to the current ladder rules (rulesVersion 2).
 */
export function carryActionState(state: TActionState, at: number, calendar: ActionCalendar): TActionState {
  const oldSteps = state.steps.findIndex((s) => s.baseline === state.baseline);
  const drop = {
    history: state.history.length,
    evidence: state.evidence.length,
    extensions: state.extensions.length,
    steps: oldSteps < 0 ? state.steps.length : oldSteps,
    ragHistory: ragInputsNoLongerNeeded(state, at, calendar),
  };
  return { ...dropLogPrefix(state, drop), rulesVersion: 2 };
}

/** How many RAG-input entries from the front no assessment from `at` on can reach. */
function ragInputsNoLongerNeeded(state: TActionState, at: number, calendar: ActionCalendar): number {
  const h = state.ragHistory;
  let monthStart = `${londonDateOf(at).slice(0, 7)}-01`;
  for (let i = 0; i < 240; i++) {
    const monthEnd = londonMidnightUtcMs(monthStart) - 1;
    const inForce = lastIndexAtOrBefore(h, monthEnd);
    if (inForce < 0) return 0;
    if (baseActionRag(h[inForce]!, state.rules, monthEnd, calendar).rag !== 'amber') return inForce;
    monthStart = addMonths(monthStart, -1);
  }
  return 0;
}

function lastIndexAtOrBefore(h: TActionState['ragHistory'], instant: number): number {
  let found = -1;
  for (let i = 0; i < h.length; i++) {
    if (h[i]!.at > instant) break;
    found = i;
  }
  return found;
}
