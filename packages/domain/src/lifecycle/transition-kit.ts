// What the reducer (./reducer.ts) and the human-event transitions (./transitions.ts) share: the
// context they are given, the error they throw and the history entry they append.
import type { TClockConfig } from '../calendar/clock-config.js';
import type { TLadder } from '../escalation/ladder.js';
import type { TProgrammeEvent } from './events.js';
import type { THistoryEntry } from './state.js';

/** What the reducer needs to turn dates into deadlines. Pure data and pure functions only. */
export interface LifecycleContext {
  calendar: {
    addWorkingDays(from: string, n: number): string;
    readonly version: string;
  };
  clocks: Pick<TClockConfig, 'publishReport' | 'actionPlan' | 'priorityActionDraft' | 'monitoringVisitIntervalMonths'>;
  /** The ladder each clock runs; defaults to PROGRAMME_CLOCK_LADDERS. */
  ladders?: Record<string, TLadder>;
}

/** Raised when an event does not fit the state; workflows turn it into a rejected Update. */
export class LifecycleRejection extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LifecycleRejection';
  }
}

export function entry(event: TProgrammeEvent, summary: string): THistoryEntry {
  return {
    at: event.at,
    type: event.type,
    actor: 'actor' in event ? event.actor : null,
    reason: 'reason' in event ? event.reason : null,
    summary,
  };
}
