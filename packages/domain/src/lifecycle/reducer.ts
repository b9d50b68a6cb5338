import { endOfLondonDayUtcMs, formatLongDate } from '../calendar/index.js';
import { GRADE_LABELS } from '../schemas/inspection.js';
import type { TProgrammeEvent } from './events.js';
import type { TClock, THistoryEntry, TProgrammeState } from './state.js';

/** What the reducer needs to turn dates into deadlines. Pure data and pure functions only. */
export interface LifecycleContext {
  calendar: {
    addWorkingDays(from: string, n: number): string;
    readonly version: string;
  };
  clocks: {
    publishReport: { value: number; source: string };
    actionPlan: { value: number; source: string };
  };
}

/** Raised when an event does not fit the state; workflows turn it into a rejected Update. */
export class LifecycleRejection extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LifecycleRejection';
  }
}

function startClock(
  ctx: LifecycleContext,
  name: string,
  label: string,
  startedOn: string,
  workingDays: number,
  source: string,
): TClock {
  const dueOn = ctx.calendar.addWorkingDays(startedOn, workingDays);
  return {
    name,
    label,
    startedOn,
    workingDays,
    dueOn,
    dueAt: endOfLondonDayUtcMs(dueOn),
    status: 'running',
    source,
    closedAt: null,
  };
}

/** A deadline passed with nothing done: a running clock becomes breached. */
function breachClock(clocks: TClock[], name: string, at: number): TClock[] {
  return clocks.map((c) => (c.name === name && c.status === 'running' ? { ...c, status: 'breached', closedAt: at } : c));
}

/**
 * The thing a clock waits for happened on `onDate`. Met or breached is judged by that business date,
 * not by when it was typed in, so a fact recorded late still counts as on time (the timeline keeps
 * both the "deadline passed" line and the correction).
 */
function satisfyClock(clocks: TClock[], name: string, onDate: string, at: number): TClock[] {
  return clocks.map((c) =>
    c.name === name && c.status !== 'met'
      ? { ...c, status: onDate <= c.dueOn ? 'met' : 'breached', closedAt: at }
      : c,
  );
}

/**
 * The programme lifecycle as a pure reducer. The workflow applies it to every Update and timer, and
 * the audit view replays it over history to show the state "as at" any instant: one piece of code,
 * two uses, so they cannot disagree. Throws LifecycleRejection when the event does not fit.
 */
export function reduceProgramme(
  state: TProgrammeState | null,
  event: TProgrammeEvent,
  ctx: LifecycleContext,
): TProgrammeState {
  if (event.type === 'programme_started') {
    if (state) throw new LifecycleRejection('The programme has already started');
    return {
      programmeId: event.programmeId,
      onsCode: event.onsCode,
      authorityName: event.authorityName,
      cycle: event.cycle,
      phase: 'awaiting_inspection',
      grade: null,
      inspection: null,
      clocks: [],
      history: [entry(event, `Programme started for ${event.authorityName} (cycle ${event.cycle})`)],
      startedAt: event.at,
      version: 1,
      calendarVersion: ctx.calendar.version,
    };
  }
  if (!state) throw new LifecycleRejection('The programme has not started');
  const next = applyToStarted(state, event, ctx);
  return { ...next, version: state.version + 1 };
}

function applyToStarted(
  state: TProgrammeState,
  event: Exclude<TProgrammeEvent, { type: 'programme_started' }>,
  ctx: LifecycleContext,
): TProgrammeState {
  switch (event.type) {
    case 'inspection_recorded': {
      if (state.phase !== 'awaiting_inspection') {
        throw new LifecycleRejection(
          `An inspection has already been recorded for this programme (phase: ${state.phase})`,
        );
      }
      const { inspection } = event;
      const grade = inspection.judgements.overallEffectiveness;
      const received = inspection.reportReceivedOn;
      const clocks: TClock[] = [
        startClock(ctx, 'publishReport', 'Publish the inspection report', received,
          ctx.clocks.publishReport.value, ctx.clocks.publishReport.source),
      ];
      let phase: TProgrammeState['phase'] = 'routine';
      if (grade === 'inadequate' || grade === 'requires_improvement') {
        phase = 'action_planning';
        clocks.push(startClock(ctx, 'actionPlan', 'Submit the action plan to Ofsted', received,
          ctx.clocks.actionPlan.value, ctx.clocks.actionPlan.source));
      }
      const plan = clocks.find((c) => c.name === 'actionPlan');
      return {
        ...state,
        phase,
        grade,
        inspection,
        clocks: [...state.clocks, ...clocks],
        history: [
          ...state.history,
          entry(event, `Inspection recorded: ${GRADE_LABELS[grade]}; report received ${formatLongDate(received)}` +
            (plan ? `; action plan due ${formatLongDate(plan.dueOn)}` : '')),
        ],
      };
    }
    case 'plan_submitted': {
      if (state.phase !== 'action_planning') {
        throw new LifecycleRejection(`There is no action plan to submit (phase: ${state.phase})`);
      }
      return {
        ...state,
        phase: 'plan_submitted',
        clocks: satisfyClock(state.clocks, 'actionPlan', event.submittedOn, event.at),
        history: [...state.history, entry(event, `Action plan submitted on ${formatLongDate(event.submittedOn)}`)],
      };
    }
    case 'clock_elapsed': {
      const clock = state.clocks.find((c) => c.name === event.clock);
      if (!clock || clock.status !== 'running') return state;
      return {
        ...state,
        clocks: breachClock(state.clocks, event.clock, event.at),
        history: [...state.history, entry(event, `Deadline passed: ${clock.label} (due ${formatLongDate(clock.dueOn)})`)],
      };
    }
  }
}

function entry(event: TProgrammeEvent, summary: string): THistoryEntry {
  return {
    at: event.at,
    type: event.type,
    actor: 'actor' in event ? event.actor : null,
    reason: 'reason' in event ? event.reason : null,
    summary,
  };
}

/** The earliest running clock, which is what the workflow's timer waits on. */
export function nextDeadline(state: TProgrammeState): TClock | undefined {
  return state.clocks
    .filter((c) => c.status === 'running')
    .sort((a, b) => a.dueAt - b.dueAt)[0];
}
