/**
 * One description of a long-lived workflow's loop, shared by the workflow that runs it
 * (./runner.ts) and the audit fold that replays it over a fetched history
 * (packages/api/src/audit/machine-fold.ts). Pure: no Temporal workflow APIs, no I/O, no clock (every
 * function is given `at`), so the same functions decide live and in replay.
 *
 * The loop, in words (the runner does it; the fold does the same at every workflow task):
 *  1. a fresh start builds the first state from the start arguments (`init`); a run that continues
 *     a previous one (continue-as-new, or an admin's restart) starts from the carried state (`resume`);
 *  2. each Update a person sends becomes one domain event (`updates[name]`), validated by running
 *     the reducer on a probe first, so a refused command leaves no trace in history;
 *  3. whenever the workflow wakes (an Update, a timer, a child's result), every event time alone has
 *     made due is applied, one at a time, until none is left (`nextDue`): ladder steps under the
 *     late-escalation rule, deadlines passing, RAG reviews, windows closing;
 *  4. each escalation or reminder an event raises is recorded exactly once (`escalations`);
 *  5. each new state is projected as a delta: the core (`splitLogs`) and the log entries appended
 *     since the last projection, never the whole state again;
 *  6. the timer aims at `nextWakeAt`; the run continues as new with `carry(state)` when its history
 *     grows long, once every Update has been answered and every effect written.
 */
import type { EscalationFact } from '@ip/activities';

/** What every machine's state has: a version that goes up by one on every change, and a timeline. */
export interface MachineState {
  version: number;
  history: Array<{ at: number; type: string; actor: unknown; reason: string | null; summary: string }>;
}

/** A child workflow an event starts (the programme's monitoring visits). */
export interface ChildStart {
  workflowType: string;
  workflowId: string;
  args: unknown;
}

export interface MachineSpec<S extends MachineState, E extends { type: string; at: number }, A> {
  /** The workflow type the fold checks a history against. */
  workflowType: string;
  /** Which read model the projections write (packages/activities projection/delta.ts). */
  projection: 'action' | 'programme' | 'monitoring_visit' | 'intervention' | 'information_request';
  /** The state's append-only logs, projected as deltas and trimmed when a run continues as new. */
  logs: readonly string[];
  /**
   * The first state from the start arguments. Throws when the arguments cannot be used (any error:
   * the runner fails the workflow with the reason, never an endless retry of its first task).
   */
  init(args: A, workflowId: string, at: number): S;
  /** The state a run starts from when it carries one over (continue-as-new, or an admin's restart). */
  resume(carried: S, args: A, at: number): S;
  /** The domain reducer. Throws LifecycleRejection when the event does not fit the state. */
  reduce(state: S, event: E): S;
  /** Each Update's name and the event its payload becomes (checked without zod; throws naming the field). */
  updates: Readonly<Record<string, (payload: unknown, at: number, state: S) => E>>;
  /** The next event time alone makes due at `at`, or null. Applying it must change the state. */
  nextDue(state: S, at: number): E | null;
  /** The earliest instant after `at` at which nextDue may return an event, or null. */
  nextWakeAt(state: S, at: number): number | null;
  /** True once the lifecycle is over: nothing can change or fire any more. */
  finished(state: S): boolean;
  /** What a state carries into the next run: logs trimmed to what decisions still read. */
  carry(state: S, at: number): S;
  /** Escalations and reminders an applied event raises; each is recorded exactly once by its id. */
  escalations(event: E, after: S, workflowId: string): EscalationFact[];
  /** The read-model row's columns (besides the state), where the projection cannot derive them itself. */
  row?(state: S): Record<string, unknown>;
  /** The result the workflow completes with (its parent may read it). */
  result?(state: S): unknown;
  /** Children: which event starts one, and what a finished child becomes (result null: it failed). */
  children?: {
    startedBy(event: E, after: S): ChildStart | null;
    closed(state: S, workflowId: string, result: unknown, at: number): E | null;
  };
}

/** What every Update of a machine returns: small, so history does not grow with the state. */
export interface UpdateReply {
  version: number;
  /** Set when this Update id was applied before (by this workflow's earlier run): nothing was done again. */
  duplicate?: true;
}

/** A run's start arguments as the runner reads them; `carried` and `restart` are the runner's own. */
export interface RunArgs<S> {
  /** The state a continued or restarted run starts from. */
  carried?: S;
  /** Set when an admin restarted a stopped workflow from its last good state. */
  restart?: { fromRunId: string | null; actor: { userId: string; role: string; name?: string }; reason: string; at: number };
  /** Continue as new after this many history events, even if the server has not suggested it. */
  continueAsNewAfterEvents?: number;
  /**
   * The ids of the last Updates the runs before this one took (oldest first, at most
   * RECENT_UPDATE_IDS). Temporal recognises a repeated Update id only within a run; with these a
   * command retried after a continue-as-new still has one effect.
   */
  recentUpdateIds?: string[];
}

/** How many Update ids a run remembers and hands to the next (a retry of any of them is a no-op). */
export const RECENT_UPDATE_IDS = 200;

/**
 * The Update ids a workflow has taken, in order, keeping the last RECENT_UPDATE_IDS: the runner and
 * the audit fold keep the same window, so they skip the same repeats.
 */
export class RecentUpdateIds {
  private readonly ids: string[];
  private readonly set: Set<string>;
  constructor(carried: readonly string[] | undefined) {
    this.ids = (carried ?? []).slice(-RECENT_UPDATE_IDS);
    this.set = new Set(this.ids);
  }
  has(id: string | undefined): boolean {
    return id !== undefined && this.set.has(id);
  }
  /** Records an Update id taken; false if it was already there (a repeat). */
  add(id: string | undefined): boolean {
    if (id === undefined) return true;
    if (this.set.has(id)) return false;
    this.ids.push(id);
    this.set.add(id);
    if (this.ids.length > RECENT_UPDATE_IDS) this.set.delete(this.ids.shift()!);
    return true;
  }
  list(): string[] {
    return [...this.ids];
  }
}

/** Continue as new at Temporal's suggestion or at this many events (Temporal suggests at 4,096 by default). */
export const DEFAULT_CONTINUE_AS_NEW_AFTER_EVENTS = 4_000;

/** Guard: more due events than this in one wake means a machine that does not make progress. */
export const MAX_DUE_EVENTS_PER_WAKE = 1_000;

/** Patch id of the machine runner (small histories, deltas, continue-as-new, the late rule). */
export const MACHINE_PATCH = 'machine-runner-v2';

/**
 * Applies every event due at `at`, one at a time, as the runner does when it wakes. Returns the
 * new state and the events applied. Throws when a due event changes nothing (it would be due again
 * at once: a bug, reported rather than looped on).
 */
export function applyDue<S extends MachineState, E extends { type: string; at: number }, A>(
  spec: MachineSpec<S, E, A>,
  state: S,
  at: number,
  onEvent?: (event: E, before: S, after: S) => void,
): S {
  let s = state;
  for (let i = 0; ; i++) {
    const event = spec.nextDue(s, at);
    if (!event) return s;
    if (i >= MAX_DUE_EVENTS_PER_WAKE) throw new Error(`more than ${MAX_DUE_EVENTS_PER_WAKE} events due at once`);
    const next = spec.reduce(s, event);
    if (next === s || next.version === s.version) throw new Error(`a due ${event.type} event changed nothing`);
    onEvent?.(event, s, next);
    s = next;
  }
}

/**
 * The state a run starts from, as both the runner and the fold compute it: a fresh start's first
 * state, or the carried state as this version holds it, plus, after an admin's restart, a timeline
 * line saying who restarted it and why.
 */
export function startState<S extends MachineState, E extends { type: string; at: number }, A>(
  spec: MachineSpec<S, E, A>,
  args: A & RunArgs<S>,
  workflowId: string,
  at: number,
): S {
  if (!args.carried) return spec.init(args, workflowId, at);
  const resumed = spec.resume(args.carried, args, at);
  const r = args.restart;
  if (!r) return resumed;
  const line = { at, type: 'workflow_restarted', actor: r.actor, reason: r.reason, summary: 'Restarted by an admin from its last good state after its workflow had stopped' };
  return { ...resumed, history: [...resumed.history, line], version: resumed.version + 1 };
}
