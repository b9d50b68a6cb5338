import { formatLongDate } from '../calendar/format.js';
import { lateWording } from '../escalation/late.js';
import type { TProgrammeEvent } from './events.js';
import type { TClock, TProgrammeState } from './state.js';
import { breachAndCloseClock, breachClock, stepKey } from './clocks.js';
import { entry, LifecycleRejection, type LifecycleContext } from './transition-kit.js';
import { applyHumanEvent } from './transitions.js';

// In ./transition-kit.ts so that transitions.ts, which this file calls, need not import this file.
export { entry, LifecycleRejection, type LifecycleContext } from './transition-kit.js';

/**
 * The programme lifecycle as a pure reducer. The workflow applies it to every Update, timer and
 * child-workflow signal, and the audit view replays it over history to show the state "as at" any
 * instant: one piece of code, two uses, so they cannot disagree. Throws LifecycleRejection when the
 * event does not fit the state.
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
      planSubmittedOn: null,
      planResponse: null,
      visits: [],
      firedSteps: [],
      previousCycles: [],
      config: { ladders: {} },
      version: 1,
      calendarVersion: ctx.calendar.version,
    };
  }
  if (!state) throw new LifecycleRejection('The programme has not started');
  if (state.phase === 'closed') throw new LifecycleRejection('The programme has closed; nothing more can change');
  const next = applyEvent(state, event, ctx);
  return next === state ? state : { ...next, version: state.version + 1 };
}

function applyEvent(
  state: TProgrammeState,
  event: Exclude<TProgrammeEvent, { type: 'programme_started' }>,
  ctx: LifecycleContext,
): TProgrammeState {
  switch (event.type) {
    case 'ladder_step_fired': {
      // Several clocks may share a name over a programme's life (one monitoring gap per visit): the
      // step's key names the very clock it belongs to.
      const clock = state.clocks.find((c) => stepKey(c, event.stepId) === event.key);
      if (!clock || state.firedSteps.includes(event.key)) return state;
      return {
        ...state,
        clocks: event.offsetWorkingDays >= 0 ? breachClock(state.clocks, clock) : state.clocks,
        firedSteps: [...state.firedSteps, event.key],
        history: [...state.history, entry(event, `${event.label} (${clock.label}, due ${formatLongDate(clock.dueOn)})${stepNote(event)}`)],
      };
    }
    case 'clock_elapsed': {
      const clock = state.clocks.find((c) => c.name === event.clock);
      if (!clock || clock.status !== 'running') return state;
      return {
        ...state,
        clocks: breachAndCloseClock(state.clocks, event.clock, event.at),
        history: [...state.history, entry(event, `Deadline passed: ${clock.label} (due ${formatLongDate(clock.dueOn)})`)],
      };
    }
    case 'monitoring_visit_closed': {
      const visit = state.visits.find((v) => v.number === event.number);
      if (!visit || visit.status === 'closed') return state;
      return {
        ...state,
        visits: state.visits.map((v) => (v.number === event.number ? { ...v, status: 'closed', letterPublishedOn: event.letterPublishedOn } : v)),
        history: [...state.history, entry(event, `Monitoring visit ${event.number} closed` +
          (event.letterPublishedOn ? `; letter published ${formatLongDate(event.letterPublishedOn)}` : ''))],
      };
    }
    default:
      return applyHumanEvent(state, event, ctx);
  }
}

function stepNote(e: Extract<TProgrammeEvent, { type: 'ladder_step_fired' }>): string {
  if (e.outcome === undefined) return '';
  const note = lateWording(e.outcome === 'fired' ? { outcome: 'fired', late: e.late ?? false }
    : e.outcome === 'skipped' ? { outcome: 'skipped', because: e.skippedBecause ?? 'late' } : { outcome: 'superseded' });
  return note ? `; ${note}` : '';
}

/** The earliest running clock: what the first workflow version's timer waited on. */
export function nextDeadline(state: TProgrammeState): TClock | undefined {
  return state.clocks
    .filter((c) => c.status === 'running')
    .sort((a, b) => a.dueAt - b.dueAt)[0];
}
