/**
 * Shared plumbing of the history folds: where to stop ("as at" an instant or an event) and what
 * each applied domain event is reported as.
 */
import type { THistoryEntry } from '@ip/domain';
import type { Activation } from './activations.js';
import type { WorkflowHistory } from './history-source.js';

/** "As at" an instant (epoch ms) or just after a history event (of `runId`, default the latest run). */
export type AsAtPoint = { at: number } | { eventId: number; runId?: string };

/**
 * One domain event the fold applied (or that the reducer refused, as the workflow's did). A programme
 * ladder step whose timer fired is reported as 'ladder_step_due' (entry null: no state change yet);
 * its 'ladder_step_fired' follows when the escalation has been written.
 */
export interface AppliedEvent {
  runId: string;
  /** The history event that caused it (Update accepted, timer fired, activity or child result, start). */
  triggerEventId: number;
  at: number;
  type: string;
  /** The reducer's business-words line for it; null when refused or nothing changed. */
  entry: THistoryEntry | null;
  /** Every line it wrote (an inspection also writes "Plan milestones scheduled"). */
  entries: THistoryEntry[];
  rejected: string | null;
  version: number | null;
  /**
   * The escalations the workflow recorded for it (their derived ids), as its machine says
   * (`spec.escalations`): how a history row finds its escalation's emails. Machine runs only: the
   * first versions recorded escalations with an activity whose input the history keeps (rows.ts).
   */
  escalationIds?: string[];
}

export interface FoldOptions {
  until?: AsAtPoint;
  onApply?: (applied: AppliedEvent) => void;
  /** Each state the fold reaches (machine runs): for checking it against what the workflow projected. */
  onState?: (state: { version: number }) => void;
}

/** Decides, run by run and activation by activation, whether the fold goes on. */
export class Cutoff {
  private readonly targetRun: number;
  constructor(private readonly history: WorkflowHistory, private readonly point: AsAtPoint | undefined) {
    if (point && 'eventId' in point) {
      const i = point.runId ? history.runs.findIndex((r) => r.runId === point.runId) : history.runs.length - 1;
      if (i < 0) throw new Error(`runId: no run ${point.runId} in workflow ${history.workflowId}`);
      this.targetRun = i;
    } else {
      this.targetRun = -1;
    }
  }
  /** Whether run `i` is to be folded at all. */
  includesRun(i: number): boolean {
    return !this.point || !('eventId' in this.point) || i <= this.targetRun;
  }
  /** Whether activation `a` of run `i` happened at or before the point. */
  includes(i: number, a: Activation): boolean {
    const p = this.point;
    if (!p) return true;
    if ('at' in p) return a.at <= p.at;
    return i < this.targetRun || a.firstEventId <= p.eventId;
  }
}

/** The lines a state's history gained since it had `before` of them: { entry (the first), entries }. */
export function newEntries(history: readonly THistoryEntry[], before: number): { entry: THistoryEntry | null; entries: THistoryEntry[] } {
  const entries = history.slice(before);
  return { entry: entries[0] ?? null, entries };
}
