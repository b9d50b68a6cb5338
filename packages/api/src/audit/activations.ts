/**
 * A run's history as the workflow lived it: a sequence of activations (workflow tasks). Each has the
 * workflow time it ran at (its WorkflowTaskStarted event's time, which is what Date.now() returns
 * inside the workflow), the events that woke it, the Updates it accepted and the commands it wrote.
 * Within one activation the SDK runs the workflow function first (on start), then Updates, then the
 * other jobs (timers, activity and child results) in history order; folds follow that order.
 */
import type { RawEvent, RawHistory } from './history-source.js';
import { eventIdOf, eventKind, eventTimeMs } from './raw.js';

export interface Activation {
  at: number;
  startedEventId: number;
  completedEventId: number;
  /** Start, timers fired, activity and child results, signals: what woke the workflow. */
  incoming: RawEvent[];
  /** Updates accepted in this task. */
  updates: RawEvent[];
  /** Commands the task wrote: timers started and cancelled, activities scheduled, markers, … */
  commands: RawEvent[];
  /** The lowest id among the events that led to it (its "trigger"). */
  firstEventId: number;
}

const INCOMING = new Set([
  'workflowExecutionStarted', 'timerFired', 'activityTaskCompleted', 'activityTaskFailed', 'activityTaskTimedOut',
  'activityTaskCanceled', 'childWorkflowExecutionStarted', 'childWorkflowExecutionCompleted', 'childWorkflowExecutionFailed',
  'childWorkflowExecutionCanceled', 'childWorkflowExecutionTimedOut', 'childWorkflowExecutionTerminated',
  'startChildWorkflowExecutionFailed', 'workflowExecutionSignaled', 'workflowExecutionCancelRequested',
]);

export function activationsOf(history: RawHistory): Activation[] {
  const out: Activation[] = [];
  let incoming: RawEvent[] = [];
  let started: RawEvent | null = null;
  let current: Activation | null = null;
  for (const e of history.events ?? []) {
    const kind = eventKind(e);
    if (INCOMING.has(kind)) {
      current = null;
      incoming.push(e);
    } else if (kind === 'workflowTaskScheduled') {
      current = null;
    } else if (kind === 'workflowTaskStarted') {
      started = e;
    } else if (kind === 'workflowTaskFailed' || kind === 'workflowTaskTimedOut') {
      started = null; // the task had no effect; what woke it wakes the next one
    } else if (kind === 'workflowTaskCompleted') {
      const ids = incoming.map(eventIdOf);
      current = {
        at: started ? eventTimeMs(started) : eventTimeMs(e),
        startedEventId: started ? eventIdOf(started) : eventIdOf(e),
        completedEventId: eventIdOf(e),
        incoming,
        updates: [],
        commands: [],
        firstEventId: Math.min(eventIdOf(e), ...ids),
      };
      out.push(current);
      incoming = [];
      started = null;
    } else if (current) {
      if (kind === 'workflowExecutionUpdateAccepted') current.updates.push(e);
      else current.commands.push(e);
    }
  }
  return out;
}

/** Whether the run recorded a patch marker for `patchId` (patched() returned true). */
export function hasPatch(history: RawHistory, patchId: string): boolean {
  return (history.events ?? []).some((e) => {
    const m = e.markerRecordedEventAttributes;
    if (!m || m.markerName !== 'core_patch') return false;
    return Object.values(m.details ?? {}).some((p) => (p.payloads ?? []).some((x) => x.data && Buffer.from(x.data).toString('utf8').includes(patchId)));
  });
}
