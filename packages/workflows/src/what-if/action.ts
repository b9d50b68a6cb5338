/**
 * "What if it slips", for an action: its future as it stands (nothing done), and with a new due
 * date (an extension approved now), computed by actionMachine, the machine actionWorkflow runs.
 *
 * The extension is applied as the workflow would apply it: the Update handlers' own events
 * (`requestActionExtension` then `approveActionExtension`, or only the approval of the request
 * already waiting for that date), by two stand-in programme managers, so the four-eyes rule holds
 * and whoever asks (an auditor too) changes nothing. Then time passes as in ./simulate.ts.
 */
import {
  assessActionRag, defaultActionContext, compareSteps, endOfLondonDayUtcMs, isBoardException, isOverdueAt, londonDateOf, weeklySamples,
  WHAT_IF_HORIZON_DEFAULT_WD, type StepComparison, type TActionEvent, type TActionRag, type TActionRagFlag, type TActionState, type TActor,
} from '@ip/domain';
import { actionMachine, type ActionRunArgs } from '../action/machine.js';
import { linesAdded, type PredictedLine, type PredictedStep } from './steps.js';
import { simulate, type HypotheticalUpdate, type Simulation } from './simulate.js';

/** The stand-ins who ask for and approve a simulated extension (never a real user's id). */
export const WHAT_IF_REQUESTER: TActor = { userId: 'what-if:requester', role: 'programme_manager', name: 'The person asking (what if)' };
export const WHAT_IF_APPROVER: TActor = { userId: 'what-if:approver', role: 'programme_manager', name: 'A second programme manager (what if)' };
const REASON = 'What if: a simulation, nothing is recorded';

type ActionArgs = Pick<ActionRunArgs, 'calendarOverrides'>;

export type ActionChange = { kind: 'none' } | { kind: 'extension'; newDueOn: string };

/** The action as it would stand at one instant (a week of the week-by-week view). */
export interface ActionWeek {
  at: number;
  on: string;
  status: TActionState['status'];
  dueOn: string;
  rag: TActionRag;
  flags: TActionRagFlag[];
  reasons: string[];
  overdue: boolean;
}

export interface ActionScenario {
  dueOn: string;
  steps: PredictedStep[];
  weeks: ActionWeek[];
  /** Every line the action's timeline would gain, in the reducer's words (RAG changes included). */
  timeline: PredictedLine[];
  end: Simulation<TActionState, TActionEvent>['end'];
}

export interface ActionWhatIf {
  actionId: string;
  title: string;
  asAt: number;
  until: number;
  horizonWorkingDays: number;
  /** The instants of the week-by-week view (the same for both futures). */
  samples: number[];
  /** Nothing done, nothing changed. */
  asItStands: ActionScenario;
  /** With the change (null when the question was "what if it is not done"). */
  withChange: ActionScenario | null;
  /** What the change stops, starts and moves (null without a change). */
  comparison: StepComparison<PredictedStep> | null;
}

export interface ActionWhatIfInput {
  /** The action's current state (rebuilt from its history) and its start arguments (its calendar). */
  state: TActionState;
  args: ActionArgs;
  workflowId: string;
  now: number;
  change: ActionChange;
  horizonWorkingDays?: number | undefined;
}

/** The Updates an approved extension to `newDueOn` is made of, given the request already waiting (if any). */
export function extensionUpdates(state: TActionState, newDueOn: string, at: number): Array<HypotheticalUpdate<TActionState>> {
  const approve: HypotheticalUpdate<TActionState> = { at, update: 'approveActionExtension', payload: () => ({ actor: WHAT_IF_APPROVER, reason: REASON }) };
  const request: HypotheticalUpdate<TActionState> = {
    at, update: 'requestActionExtension', payload: () => ({ actor: WHAT_IF_REQUESTER, reason: REASON, newDueOn, justification: 'What if the due date moved' }),
  };
  const pending = state.pendingExtension;
  if (pending?.newDueOn === newDueOn) return [approve];
  if (pending) return [{ at, update: 'rejectActionExtension', payload: () => ({ actor: WHAT_IF_APPROVER, reason: REASON }) }, request, approve];
  return [request, approve];
}

/** The ladder steps the simulated action reached, as a what-if lists them. */
function stepsOf(sim: Simulation<TActionState, TActionEvent>, now: number, calendar: ReturnType<typeof defaultCalendarOf>): PredictedStep[] {
  const today = londonDateOf(now);
  const out: PredictedStep[] = [];
  for (const { event, after, facts } of sim.events) {
    if (event.type !== 'escalation_fired' && event.type !== 'reminder_skipped' && event.type !== 'escalation_superseded') continue;
    const outcome = event.type === 'escalation_fired' ? 'fired' : event.type === 'reminder_skipped' ? 'skipped' : 'superseded';
    const step = after.ladder.steps.find((s) => s.id === event.stepId);
    out.push({
      escalationId: event.escalationId, slot: event.stepId, ladderId: event.ladderId, stepId: event.stepId, kind: event.kind, level: event.level,
      label: event.label, subject: after.title, outcome, raised: outcome === 'fired',
      late: event.type === 'escalation_fired' && event.late === true,
      skippedBecause: event.type === 'reminder_skipped' ? event.skippedBecause ?? null : null,
      dueOn: after.dueOn, offsetWorkingDays: step?.offsetWorkingDays ?? 0, fireOn: event.fireOn, fireAt: event.fireAt, firedAt: event.at,
      workingDaysFromNow: calendar.workingDaysBetween(today, event.fireOn),
      boardException: outcome === 'fired' && isBoardException(event),
      fact: facts[0] ?? null,
    });
  }
  return out;
}

/** The calendar the machine decides with (actionMachine builds its context the same way). */
function defaultCalendarOf(args: ActionArgs) {
  return defaultActionContext(args.calendarOverrides).calendar;
}

/** The action's week-by-week view: its RAG at each sample, by the rules the workflow's Query uses. */
function weeksOf(sim: Simulation<TActionState, TActionEvent>, calendar: ReturnType<typeof defaultCalendarOf>): ActionWeek[] {
  return sim.samples.map(({ at, state }) => {
    const rag = assessActionRag(state, at, calendar);
    return { at, on: londonDateOf(at), status: state.status, dueOn: state.dueOn, rag: rag.rag, flags: rag.flags, reasons: rag.reasons, overdue: isOverdueAt(state, at) };
  });
}

/**
 * Simulates one action from `from` to `until` with the given hypothetical Updates; the building
 * block of the what-if, also used for the programme's other actions (no Updates) when the figures
 * are computed.
 */
export function simulateAction(
  state: TActionState,
  args: ActionArgs,
  workflowId: string,
  opts: { from: number; until: number; samples: readonly number[]; updates?: Array<HypotheticalUpdate<TActionState>> },
): { scenario: ActionScenario; simulation: Simulation<TActionState, TActionEvent> } {
  const spec = actionMachine(args);
  const calendar = defaultCalendarOf(args);
  const sim = simulate(spec, state, { workflowId, from: opts.from, until: opts.until, sampleAt: opts.samples, updates: opts.updates ?? [] });
  return {
    simulation: sim,
    scenario: {
      dueOn: sim.final.dueOn,
      steps: stepsOf(sim, opts.from, calendar),
      weeks: weeksOf(sim, calendar),
      timeline: sim.events.flatMap((e) => linesAdded(e.before, e.after)),
      end: sim.end,
    },
  };
}

/** The default horizon: 60 working days, or longer if the ladder reaches further past the deadline. */
export function horizonOf(ladder: TActionState['ladder'], asked: number | undefined): number {
  return asked ?? Math.max(WHAT_IF_HORIZON_DEFAULT_WD, ...ladder.steps.map((s) => s.offsetWorkingDays + 5));
}

/**
 * The what-if for one action. Throws LifecycleRejection when the change cannot happen (the action
 * is closed, the date is not later, …), with the reason the workflow would give.
 */
export function actionWhatIf(input: ActionWhatIfInput): ActionWhatIf {
  const { state, args, workflowId, now, change } = input;
  const calendar = defaultCalendarOf(args);
  const horizonWorkingDays = horizonOf(state.ladder, input.horizonWorkingDays);
  const today = londonDateOf(now);
  const latest = [state.dueOn, change.kind === 'extension' ? change.newDueOn : state.dueOn, today].sort().at(-1)!;
  const until = endOfLondonDayUtcMs(calendar.addWorkingDays(latest, horizonWorkingDays));
  const samples = weeklySamples(now, until);
  const asItStands = simulateAction(state, args, workflowId, { from: now, until, samples }).scenario;
  if (change.kind === 'none') {
    return { actionId: state.actionId, title: state.title, asAt: now, until, horizonWorkingDays, samples, asItStands, withChange: null, comparison: null };
  }
  const withChange = simulateAction(state, args, workflowId, { from: now, until, samples, updates: extensionUpdates(state, change.newDueOn, now) }).scenario;
  return {
    actionId: state.actionId, title: state.title, asAt: now, until, horizonWorkingDays, samples, asItStands, withChange,
    comparison: compareSteps(asItStands.steps, withChange.steps),
  };
}
