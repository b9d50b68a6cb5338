import { endOfLondonDayUtcMs } from '../calendar/london-time.js';
import type { TClock } from './state.js';

/** A clock that started on `startedOn` and falls due on `dueOn`. */
export function makeClock(
  name: string,
  label: string,
  startedOn: string,
  dueOn: string,
  workingDays: number,
  source: string,
  ladderId: string,
): TClock {
  return { name, label, startedOn, workingDays, dueOn, dueAt: endOfLondonDayUtcMs(dueOn), status: 'running', source, closedAt: null, ladderId };
}

/** The deadline passed with nothing done: the clock turns breached and stays open (escalations go on). */
export function breachClock(clocks: TClock[], clock: TClock): TClock[] {
  return clocks.map((c) => (c === clock && c.status === 'running' ? { ...c, status: 'breached' } : c));
}

/** The legacy deadline event closed the clock as it breached it (workflow version 1). */
export function breachAndCloseClock(clocks: TClock[], name: string, at: number): TClock[] {
  return clocks.map((c) => (c.name === name && c.status === 'running' ? { ...c, status: 'breached', closedAt: at } : c));
}

/**
 * The thing a clock waits for happened on `onDate`. Met or breached is judged by that business date,
 * not by when it was typed in, so a fact recorded late still counts as on time (the timeline keeps
 * both the "deadline passed" line and the correction). A clock done late stays done on the day it
 * was done: the plan's submission satisfies every milestone still open, but does not move the date
 * of one completed (late) before it.
 */
export function satisfyClock(clocks: TClock[], name: string, onDate: string, at: number): TClock[] {
  return clocks.map((c) =>
    c.name === name && c.status !== 'met' && (c.closedAt === null || c.status === 'breached')
      ? { ...c, status: onDate <= c.dueOn ? 'met' : 'breached', closedAt: at, doneOn: c.doneOn ?? onDate }
      : c,
  );
}

/** Stops clocks that no longer apply (a new cycle, an exit), without judging them met or breached. */
export function closeOpenClocks(clocks: TClock[], at: number): TClock[] {
  return clocks.map((c) => (c.closedAt === null ? { ...c, closedAt: at } : c));
}

export function openClocks(clocks: TClock[]): TClock[] {
  return clocks.filter((c) => c.closedAt === null);
}

/** The key under which a fired ladder step is remembered. */
export function stepKey(clock: TClock, stepId: string): string {
  return `${clock.name}@${clock.startedOn}/${stepId}`;
}
