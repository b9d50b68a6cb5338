/**
 * "What if it slips", for a programme's statutory clock (the 70-WD action plan, report publication,
 * the plan's milestones): the programme's future if the thing the clock waits for is done on a
 * later date, or not at all, against it done on its due date (or today, once that has passed).
 * Computed by programmeMachine, the machine programmeWorkflow runs, with the programme's own
 * ladders and calendar: the "done" is the Update a programme manager would send (submitPlan,
 * publishReport, completeMilestone) by a stand-in, recorded at 17:00 London on that day.
 */
import {
  clockViews, compareSteps, endOfLondonDayUtcMs, isBoardException, LifecycleRejection, londonDateOf, londonLocalTimeUtcMs, PROGRAMME_CLOCK_LADDERS,
  scheduleLadder, stepKey, weeklySamples, WHAT_IF_HORIZON_DEFAULT_WD, type StepComparison, type TClockOutcome, type TProgrammeEvent,
  type TProgrammeState, type TWhatIfClock,
} from '@ip/domain';
import type { ProgrammeWorkflowArgs } from '../programme/definitions.js';
import { programmeMachine } from '../programme/machine.js';
import { programmeContextOf } from '../programme/steps.js';
import { linesAdded, type PredictedLine, type PredictedStep } from './steps.js';
import { simulate, type HypotheticalUpdate, type Simulation } from './simulate.js';
import { WHAT_IF_REQUESTER } from './action.js';

const REASON = 'What if: a simulation, nothing is recorded';

/** The Update that records each clock's thing as done, and its payload for a date. */
const DONE_BY: Record<TWhatIfClock, { update: string; payload: (doneOn: string) => Record<string, unknown> }> = {
  publishReport: { update: 'publishReport', payload: (d) => ({ publishedOn: d }) },
  actionPlan: { update: 'submitPlan', payload: (d) => ({ submittedOn: d }) },
  priorityActionPlan: { update: 'submitPlan', payload: (d) => ({ submittedOn: d }) },
  draftPlan: { update: 'completeMilestone', payload: (d) => ({ milestone: 'draftPlan', completedOn: d }) },
  scrutiny: { update: 'completeMilestone', payload: (d) => ({ milestone: 'scrutiny', completedOn: d }) },
  cabinet: { update: 'completeMilestone', payload: (d) => ({ milestone: 'cabinet', completedOn: d }) },
  signOff: { update: 'completeMilestone', payload: (d) => ({ milestone: 'signOff', completedOn: d }) },
  priorityActionDraft: { update: 'completeMilestone', payload: (d) => ({ milestone: 'priorityActionDraft', completedOn: d }) },
};

/** The local time a "done on" date is recorded at (after the day's 09:00 ladder steps, before the deadline). */
export const DONE_AT_LOCAL_HOUR = 17;

export type ClockChange = { kind: 'not_done' } | { kind: 'done_on'; doneOn: string } | { kind: 'slips'; workingDays: number };

export interface ClockWeek {
  at: number;
  on: string;
  status: TClockOutcome;
  workingDaysLeft: number;
  workingDaysLate: number | null;
}

export interface ClockScenario {
  /** The date the thing is done in this future (null: not done within the horizon). */
  doneOn: string | null;
  steps: PredictedStep[];
  weeks: ClockWeek[];
  timeline: PredictedLine[];
  /** Where every clock of the programme stands at the horizon (label → outcome). */
  clocksAtEnd: Array<{ name: string; label: string; dueOn: string; status: TClockOutcome }>;
  end: Simulation<TProgrammeState, TProgrammeEvent>['end'];
}

export interface ClockWhatIf {
  programmeId: string;
  clock: { name: TWhatIfClock; label: string; dueOn: string; startedOn: string };
  asAt: number;
  until: number;
  horizonWorkingDays: number;
  samples: number[];
  /** Done on its due date (or today, if that has passed). */
  onTime: ClockScenario;
  /** As asked: not done, or done on a later date. */
  slipped: ClockScenario;
  /** What the slip starts (and, if the first future raises something the slip would not, stops). */
  comparison: StepComparison<PredictedStep>;
}

export interface ClockWhatIfInput {
  state: TProgrammeState;
  args: ProgrammeWorkflowArgs;
  now: number;
  clock: TWhatIfClock;
  change: ClockChange;
  horizonWorkingDays?: number | undefined;
}

function stepsOf(sim: Simulation<TProgrammeState, TProgrammeEvent>, args: ProgrammeWorkflowArgs, now: number): PredictedStep[] {
  const out: PredictedStep[] = [];
  for (const { event, after, facts } of sim.events) {
    if (event.type !== 'ladder_step_fired') continue;
    const clock = after.clocks.find((c) => stepKey(c, event.stepId) === event.key);
    if (!clock) continue;
    const ctx = programmeContextOf(args, after);
    const ladder = ctx.ladders?.[clock.name] ?? PROGRAMME_CLOCK_LADDERS[clock.name];
    const scheduled = ladder && scheduleLadder(ladder, clock.dueOn, ctx.calendar).find((s) => s.step.id === event.stepId);
    if (!ladder || !scheduled) continue;
    const outcome = event.outcome ?? 'fired';
    const fact = facts[0] ?? null;
    out.push({
      escalationId: fact?.id ?? null, slot: event.key, ladderId: ladder.id, stepId: event.stepId, kind: scheduled.step.kind,
      level: scheduled.step.level, label: scheduled.step.label, subject: clock.label, outcome, raised: outcome === 'fired',
      late: event.late === true, skippedBecause: event.skippedBecause ?? null, dueOn: clock.dueOn, offsetWorkingDays: event.offsetWorkingDays,
      fireOn: scheduled.fireOn, fireAt: scheduled.fireAt, firedAt: event.at,
      workingDaysFromNow: ctx.calendar.workingDaysBetween(londonDateOf(now), scheduled.fireOn),
      boardException: outcome === 'fired' && isBoardException({ kind: scheduled.step.kind, level: scheduled.step.level }), fact,
    });
  }
  return out;
}

function scenarioOf(sim: Simulation<TProgrammeState, TProgrammeEvent>, input: ClockWhatIfInput, clockKey: string, doneOn: string | null): ClockScenario {
  const calendar = programmeContextOf(input.args, sim.final).calendar;
  const weeks = sim.samples.flatMap(({ at, state }) => {
    const v = clockViews(state, at, calendar).find((c) => `${c.name}@${c.startedOn}` === clockKey);
    return v ? [{ at, on: londonDateOf(at), status: v.status, workingDaysLeft: v.workingDaysLeft, workingDaysLate: v.workingDaysLate }] : [];
  });
  const end = clockViews(sim.final, sim.samples.at(-1)?.at ?? input.now, calendar);
  return {
    doneOn,
    steps: stepsOf(sim, input.args, input.now),
    weeks,
    timeline: sim.events.flatMap((e) => linesAdded(e.before, e.after)),
    clocksAtEnd: end.filter((c) => c.closedAt === null || c.closedAt >= input.now).map((c) => ({ name: c.name, label: c.label, dueOn: c.dueOn, status: c.status })),
    end: sim.end,
  };
}

/**
 * The what-if for one programme clock. Throws LifecycleRejection naming the field when the clock is
 * not open or the date cannot be used, and whatever the reducer says when the command would be
 * refused (a plan cannot be submitted in this phase, …).
 */
export function clockWhatIf(input: ClockWhatIfInput): ClockWhatIf {
  const { state, args, now, change } = input;
  const clock = state.clocks.find((c) => c.name === input.clock && c.closedAt === null);
  if (!clock) throw new LifecycleRejection(`clock: the ${input.clock} clock is not running on this programme`);
  const spec = programmeMachine(args);
  const calendar = programmeContextOf(args, state).calendar;
  const today = londonDateOf(now);
  const slippedOn = change.kind === 'done_on' ? change.doneOn : change.kind === 'slips' ? calendar.addWorkingDays(clock.dueOn, change.workingDays) : null;
  if (slippedOn !== null && slippedOn < today) {
    throw new LifecycleRejection(`${change.kind === 'done_on' ? 'change.doneOn' : 'change.workingDays'}: that would be ${slippedOn}, which has already passed; give a date from today`);
  }
  const onTimeOn = clock.dueOn < today ? today : clock.dueOn;
  const ladder = programmeContextOf(args, state).ladders?.[clock.name] ?? PROGRAMME_CLOCK_LADDERS[clock.name];
  const horizonWorkingDays = input.horizonWorkingDays ?? Math.max(WHAT_IF_HORIZON_DEFAULT_WD, ...(ladder?.steps ?? []).map((s) => s.offsetWorkingDays + 5));
  const latest = [onTimeOn, slippedOn ?? onTimeOn].sort().at(-1)!;
  const until = endOfLondonDayUtcMs(calendar.addWorkingDays(latest, horizonWorkingDays));
  const samples = weeklySamples(now, until);
  const doneBy = DONE_BY[input.clock];
  const done = (on: string): HypotheticalUpdate<TProgrammeState> => ({
    at: Math.max(now, londonLocalTimeUtcMs(on, DONE_AT_LOCAL_HOUR, 0)),
    update: doneBy.update,
    payload: () => ({ actor: WHAT_IF_REQUESTER, reason: REASON, ...doneBy.payload(on) }),
  });
  const run = (updates: Array<HypotheticalUpdate<TProgrammeState>>) =>
    simulate(spec, state, { workflowId: state.programmeId, from: now, until, sampleAt: samples, updates });
  const key = `${clock.name}@${clock.startedOn}`;
  const onTime = scenarioOf(run([done(onTimeOn)]), input, key, onTimeOn);
  const slipped = scenarioOf(run(slippedOn ? [done(slippedOn)] : []), input, key, slippedOn);
  return {
    programmeId: state.programmeId,
    clock: { name: input.clock, label: clock.label, dueOn: clock.dueOn, startedOn: clock.startedOn },
    asAt: now, until, horizonWorkingDays, samples, onTime, slipped,
    comparison: compareSteps(onTime.steps, slipped.steps),
  };
}
