import { formatLongDate } from '../calendar/format.js';
import { londonDateOf } from '../calendar/london-time.js';
import { defaultCalendar } from '../lifecycle/context.js';
import { LifecycleRejection } from '../lifecycle/reducer.js';
import type { TInformationRequestEvent } from './events.js';
import {
  armClock,
  assertNotInFuture,
  closeClocks,
  fireLadderTimer,
  lifecycleEntry,
  nextLadderTimer,
  satisfyClocks,
  type PendingTimer,
  type LadderCalendar,
} from '../ladder-clock/ladder-clock.js';
import type { TInformationRequestState } from './state.js';

export interface InformationRequestContext {
  calendar: LadderCalendar;
}

export function defaultInformationRequestContext(): InformationRequestContext {
  return { calendar: defaultCalendar() };
}

const CLOCK = 'answer';

/**
 * The information-request lifecycle, open → answered | withdrawn, as a pure reducer. The workflow
 * runs it on every Update and timer; the audit view replays it. Throws LifecycleRejection with a
 * sentence the user can act on when an event does not fit.
 */
export function reduceInformationRequest(
  state: TInformationRequestState | null,
  event: TInformationRequestEvent,
  ctx: InformationRequestContext,
): TInformationRequestState {
  if (event.type === 'request_opened') {
    if (state) throw new LifecycleRejection('This information request has already been recorded');
    if (event.dueOn < event.requestedOn) throw new LifecycleRejection('The answer cannot be due before the request was made');
    const clock = armClock({
      name: CLOCK, label: `Answer to ${event.requester.name}`, mode: 'deadline', startedOn: event.requestedOn,
      dueOn: event.dueOn, source: `Due date set by ${event.requester.name}; ladder: ${event.ladder.name}`,
      ladder: event.ladder, baseline: 1, at: event.at,
    });
    return {
      id: event.id, programmeId: event.programmeId, onsCode: event.onsCode, requester: event.requester,
      subject: event.subject, requestedOn: event.requestedOn, dueOn: event.dueOn, phase: 'open',
      answer: null, extensions: [], clocks: [clock],
      history: [lifecycleEntry(event, `${event.requester.name} asked for "${event.subject}" by ${formatLongDate(event.dueOn)}`)],
      nextBaseline: 2, startedAt: event.at, version: 1, calendarVersion: ctx.calendar.version,
    };
  }
  if (!state) throw new LifecycleRejection('The information request has not been recorded');
  const next = apply(state, event);
  return next === state ? state : { ...next, version: state.version + 1 };
}

function assertOpen(state: TInformationRequestState, doing: string): void {
  if (state.phase === 'answered') {
    throw new LifecycleRejection(`Cannot ${doing}: the request was answered on ${formatLongDate(state.answer!.answeredOn)}`);
  }
  if (state.phase === 'withdrawn') throw new LifecycleRejection(`Cannot ${doing}: the request was withdrawn`);
}

function apply(
  state: TInformationRequestState,
  event: Exclude<TInformationRequestEvent, { type: 'request_opened' }>,
): TInformationRequestState {
  switch (event.type) {
    case 'answered': {
      assertOpen(state, 'answer it');
      if (event.answeredOn < state.requestedOn) {
        throw new LifecycleRejection(`The answer cannot predate the request (${formatLongDate(state.requestedOn)})`);
      }
      assertNotInFuture('The answer date', event.answeredOn, event.at);
      const onTime = event.answeredOn <= state.dueOn;
      return {
        ...state,
        phase: 'answered',
        answer: { answeredOn: event.answeredOn, summary: event.summary, onTime },
        clocks: satisfyClocks(state.clocks, CLOCK, event.answeredOn, event.at),
        history: [...state.history, lifecycleEntry(event,
          `Answered on ${formatLongDate(event.answeredOn)}${onTime ? '' : ` (late: due ${formatLongDate(state.dueOn)})`}`)],
      };
    }
    case 'due_date_extended': {
      assertOpen(state, 'extend the due date');
      if (event.newDueOn <= state.dueOn) {
        throw new LifecycleRejection(`The new due date must be later than the current one (${formatLongDate(state.dueOn)})`);
      }
      const today = londonDateOf(event.at);
      if (event.newDueOn < today) {
        throw new LifecycleRejection(`The new due date (${formatLongDate(event.newDueOn)}) has already passed`);
      }
      const old = state.clocks.find((c) => c.name === CLOCK && (c.status === 'running' || c.status === 'overdue'))!;
      // The old deadline's escalations stay on record; the new date gets a fresh baseline and ladder.
      const fresh = armClock({
        name: CLOCK, label: old.label, mode: 'deadline', startedOn: today, dueOn: event.newDueOn,
        source: `${old.source}; extended from ${formatLongDate(state.dueOn)}`, ladder: old.ladder,
        baseline: state.nextBaseline, at: event.at,
      });
      return {
        ...state,
        dueOn: event.newDueOn,
        extensions: [...state.extensions, { fromDueOn: state.dueOn, toDueOn: event.newDueOn, at: event.at }],
        clocks: [...closeClocks(state.clocks, event.at, [CLOCK]), fresh],
        nextBaseline: state.nextBaseline + 1,
        history: [...state.history, lifecycleEntry(event,
          `Due date extended from ${formatLongDate(state.dueOn)} to ${formatLongDate(event.newDueOn)}`)],
      };
    }
    case 'withdrawn':
      assertOpen(state, 'withdraw it');
      return {
        ...state,
        phase: 'withdrawn',
        clocks: closeClocks(state.clocks, event.at),
        history: [...state.history, lifecycleEntry(event, 'Request withdrawn')],
      };
    case 'timer_fired': {
      const fired = fireLadderTimer(state.clocks, event, event.at);
      if (!fired) return state;
      return { ...state, clocks: fired.clocks, history: [...state.history, lifecycleEntry(event, fired.summary)] };
    }
  }
}

/** What the workflow waits for next (nothing once answered or withdrawn: every clock is closed). */
export function nextInformationRequestTimer(
  state: TInformationRequestState,
  ctx: InformationRequestContext,
): PendingTimer<Omit<Extract<TInformationRequestEvent, { type: 'timer_fired' }>, 'at'>> | undefined {
  return nextLadderTimer(state.clocks, ctx.calendar);
}

export const isInformationRequestFinished = (s: TInformationRequestState): boolean => s.phase !== 'open';
