/**
 * "What if": a workflow's future, computed by the machine the workflow itself runs (../machine/spec.ts),
 * so a prediction cannot disagree with what then happens. Nothing is written and no workflow is
 * asked: the simulation takes a state (rebuilt from the workflow's history), applies a hypothetical
 * change as the very events the workflow's Update handlers would make of it, then lets time pass
 * exactly as the runner does (../machine/runner.ts):
 *
 *   at each instant the runner would be woken: the Updates of that instant first, then
 *   `applyDue(spec, state, at)` (every event time has made due, one by one, under the
 *   late-escalation rule); then on to `spec.nextWakeAt(state, at)`, until the horizon or the end.
 *
 * The runner is woken at `nextWakeAt` (its timer aims there; an early wake finds nothing due and
 * sleeps the rest), so these are the instants it decides at, and `spec.escalations` gives the very
 * facts it would record at each, with their ids. Pure: no I/O, no clock (every instant is given).
 */
import { applyDue, type MachineSpec, type MachineState } from '../machine/spec.js';
import type { EscalationFact } from '@ip/activities';

/** An Update the simulation applies at an instant, as the workflow's handler would make it into an event. */
export interface HypotheticalUpdate<S> {
  at: number;
  /** The Update's name in `spec.updates` (the workflow's own handler turns the payload into the event). */
  update: string;
  payload: (state: S) => unknown;
}

/** One event the simulated workflow applied, with the escalations it would record. */
export interface SimulatedEvent<S, E> {
  event: E;
  before: S;
  after: S;
  facts: EscalationFact[];
  /** True for the hypothetical Updates; false for what time alone made due. */
  hypothetical: boolean;
}

export interface Simulation<S, E> {
  events: Array<SimulatedEvent<S, E>>;
  /** The state at each sample instant asked for (the state after everything due at or before it). */
  samples: Array<{ at: number; state: S }>;
  final: S;
  /** finished: the lifecycle is over; quiet: nothing more can come due; horizon: stopped looking. */
  end: 'finished' | 'quiet' | 'horizon';
}

export interface SimulateOptions<S> {
  workflowId: string;
  /** The instant the simulation starts at (now). */
  from: number;
  /** The last instant it looks at (inclusive). */
  until: number;
  /** Hypothetical Updates, applied at their instants (≥ from) before what is due then. */
  updates?: ReadonlyArray<HypotheticalUpdate<S>>;
  /** Instants at which to keep the state (for week-by-week views); any order. */
  sampleAt?: readonly number[];
}

/** Guard: a machine whose next wake does not move forward is a bug, reported rather than looped on. */
const MAX_WAKES = 100_000;

/**
 * Steps a machine's state through time from `from` to `until`. Throws whatever the machine throws:
 * a hypothetical Update the reducer refuses throws its LifecycleRejection, exactly as the
 * workflow's validator would refuse the real one.
 */
export function simulate<S extends MachineState, E extends { type: string; at: number }, A>(
  spec: MachineSpec<S, E, A>,
  start: S,
  opts: SimulateOptions<S>,
): Simulation<S, E> {
  const events: Array<SimulatedEvent<S, E>> = [];
  const samples = [...new Set(opts.sampleAt ?? [])].filter((t) => t >= opts.from && t <= opts.until).sort((a, b) => a - b);
  const kept: Array<{ at: number; state: S }> = [];
  const updates = [...(opts.updates ?? [])].sort((a, b) => a.at - b.at);
  if (updates.some((u) => u.at < opts.from)) throw new RangeError('a hypothetical Update before the simulation starts');
  let state = start;
  let at = opts.from;

  const record = (event: E, before: S, after: S, hypothetical: boolean) => {
    events.push({ event, before, after, facts: spec.escalations(event, after, opts.workflowId), hypothetical });
  };
  /** What the runner does when woken at `t`: that instant's Updates, then everything due. */
  const wake = (t: number) => {
    while (updates[0] && updates[0].at === t) {
      const u = updates.shift()!;
      const toEvent = spec.updates[u.update];
      if (!toEvent) throw new Error(`${spec.workflowType} has no Update ${u.update}`);
      const event = toEvent(u.payload(state), t, state);
      const next = spec.reduce(state, event);
      if (next !== state) record(event, state, next, true);
      state = next;
    }
    state = applyDue(spec, state, t, (event, before, after) => record(event, before, after, false));
  };
  /** Keeps the state for every sample before `t` (nothing changes between wakes). */
  const sampleBefore = (t: number) => {
    while (samples.length && samples[0]! < t) kept.push({ at: samples.shift()!, state });
  };

  wake(at);
  for (let i = 0; ; i++) {
    if (i > MAX_WAKES) throw new Error(`${spec.workflowType}: more than ${MAX_WAKES} wakes before the horizon`);
    const finished = spec.finished(state);
    const timer = finished ? null : spec.nextWakeAt(state, at);
    if (timer !== null && timer <= at) throw new Error(`${spec.workflowType}: the next wake does not move forward`);
    // A finished lifecycle takes no more Updates (the workflow has completed): nothing is left to apply.
    const next = finished ? Infinity : Math.min(timer ?? Infinity, updates[0]?.at ?? Infinity);
    if (next > opts.until) {
      sampleBefore(Infinity);
      const end = finished ? 'finished' : next === Infinity ? 'quiet' : 'horizon';
      return { events, samples: kept, final: state, end };
    }
    sampleBefore(next);
    at = next;
    wake(at);
  }
}
