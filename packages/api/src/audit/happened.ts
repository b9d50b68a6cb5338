/**
 * "What had happened by date X": a workflow's state by the dates its records carry, beside "what
 * the system had recorded by X" (./as-at.ts, by workflow time).
 *
 * How: the history is folded as recorded (./machine-fold.ts), keeping every change a person or a
 * finished child made (each accepted Update's domain event, each visit's result) with the instant it
 * was recorded. Each change is then dated by its own record where it carries a date (./business-dates.ts:
 * report received, plan submitted, Ofsted's letter, fieldwork, a DfE step, an answer), at the start
 * of that day in London, and otherwise by when it was recorded. The workflow's own machine is then
 * run again over those changes in that order, at those instants, from the first date the record
 * carries: the same reducer, and the same timers (`nextWakeAt`/`applyDue`, woken at each instant the
 * runner's timer would have fired), so deadlines are judged, and ladders escalate, as they would have
 * had each change been entered on the day it happened. Nothing is copied from the runner's loop: the
 * machine decides, as it does live.
 *
 * A change that cannot follow the ones dated before it (e.g. a sign-off dated before the request for
 * it) is refused as the workflow would refuse it, and listed as refused. Histories that hold runs of
 * the first workflow versions (before the machine runner) cannot be re-run this way: callers fall
 * back to the recorded view and say so (`reenacted: false`).
 */
import { actionView, defaultActionContext, type ActionView, type TActionState, type TProgrammeState } from '@ip/domain';
import type { ProgrammeView } from '@ip/workflows/definitions';
import {
  actionMachine, applyDue, informationRequestMachine, informationRequestView, interventionMachine, interventionView, monitoringVisitMachine, monitoringVisitView,
  programmeMachine, programmeView, type MachineSpec, type MachineState,
} from '@ip/workflows/events';
import { workflowKindOf } from './as-at.js';
import { happenedAtOf, startedOnOf } from './business-dates.js';
import { foldMachineRuns, isMachineRun } from './machine-fold.js';
import type { WorkflowHistory } from './history-source.js';
import { londonMidnightUtcMs } from '@ip/domain';

type Ev = { type: string; at: number };
type AnySpec = MachineSpec<MachineState, Ev, object>;

/** One change as recorded, with the instant it counts from in the "happened" view. */
export interface DatedChange {
  type: string;
  recordedAt: number;
  happenedAt: number;
  /** True when the record carries its own date; false: it happened when it was recorded. */
  dated: boolean;
}

export interface Happened<S, V> {
  workflowId: string;
  at: number;
  /** False when the history cannot be re-run by business dates (first versions' runs): state and view are null. */
  reenacted: boolean;
  state: S | null;
  view: V | null;
  /** For each line of `state.history`: the change that wrote it (null: time alone, e.g. a ladder step). */
  lineSources: Array<DatedChange | null>;
  /** Changes the machine refused in business-date order, with the reason it gave. */
  refused: Array<DatedChange & { reason: string }>;
}

interface Captured { event: Ev; change: DatedChange; seq: number }
interface Capture { args: object; startedAt: number; changes: Captured[] }

/** Every change a person or a child made, as the recorded fold applied it (refused ones left out). */
function capture(specOf: (args: never) => AnySpec, history: WorkflowHistory): Capture | null {
  if (history.runs.length === 0 || !history.runs.every(isMachineRun)) return null;
  let first: { args: object; at: number } | null = null;
  let pending: Ev | null = null;
  let pendingAt = 0;
  const changes: Captured[] = [];
  const hold = (e: Ev, at: number) => {
    pending = e;
    pendingAt = at;
    return e;
  };
  const wrapped = (args: never): AnySpec => {
    const s = specOf(args);
    const updates = Object.fromEntries(Object.entries(s.updates).map(([name, fn]) => [name, (p: unknown, at: number, st: MachineState) => hold(fn(p, at, st), at)]));
    const children = s.children && {
      ...s.children,
      closed: (st: MachineState, id: string, result: unknown, at: number) => {
        const e = s.children!.closed(st, id, result, at);
        return e ? hold(e, at) : e;
      },
    };
    return {
      ...s, updates, ...(children ? { children } : {}),
      init: (a: object, id: string, at: number) => {
        first ??= { args: a, at };
        return s.init(a, id, at);
      },
    };
  };
  foldMachineRuns(wrapped as never, history, {
    onApply: (a) => {
      const e = pending;
      if (!e || a.type !== e.type) return;
      pending = null;
      if (a.rejected !== null) return;
      const h = happenedAtOf(e, pendingAt);
      changes.push({ event: e, change: { type: e.type, recordedAt: pendingAt, happenedAt: h.at, dated: h.dated }, seq: changes.length });
    },
  });
  const f = first as { args: object; at: number } | null;
  return f ? { args: f.args, startedAt: f.at, changes } : null;
}

/** Guards a machine whose timers do not move time on (a bug, reported rather than looped on). */
const MAX_WAKES = 200_000;

/** Runs the machine over the captured changes in business-date order, up to `until`. */
function reenact<S extends MachineState>(spec: AnySpec, workflowId: string, cap: Capture, until: number): Pick<Happened<S, never>, 'state' | 'lineSources' | 'refused'> {
  const ordered = [...cap.changes].sort((a, b) => a.change.happenedAt - b.change.happenedAt || a.seq - b.seq);
  const startOn = startedOnOf(cap.args);
  // A record exists from the earliest date it carries (or from when it was entered, if earlier).
  const startAt = Math.min(cap.startedAt, startOn ? londonMidnightUtcMs(startOn) : Infinity, ordered[0]?.change.happenedAt ?? Infinity);
  const refused: Happened<S, never>['refused'] = [];
  const lineSources: Array<DatedChange | null> = [];
  if (startAt > until) return { state: null, lineSources, refused };
  let s = spec.init(cap.args, workflowId, startAt);
  let t = startAt;
  const mark = (source: DatedChange | null) => {
    while (lineSources.length < s.history.length) lineSources.push(source);
  };
  // The start is dated when the record's own dates put it before the day it was entered.
  mark({ type: 'started', recordedAt: cap.startedAt, happenedAt: startAt, dated: startAt < cap.startedAt });
  const advance = (target: number) => {
    for (let i = 0; i < MAX_WAKES; i++) {
      const wake = spec.nextWakeAt(s, t);
      if (wake === null || wake > target || wake <= t) break;
      s = applyDue(spec, s, wake);
      mark(null);
      t = wake;
    }
    if (target >= t) {
      s = applyDue(spec, s, target);
      mark(null);
      t = target;
    }
  };
  for (const c of ordered) {
    if (c.change.happenedAt > until) break;
    advance(c.change.happenedAt);
    try {
      s = spec.reduce(s, { ...c.event, at: Math.max(t, c.change.happenedAt) });
      mark(c.change);
    } catch (err) {
      refused.push({ ...c.change, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  advance(until);
  return { state: s as unknown as S, lineSources, refused };
}

function happened<S extends MachineState, V>(
  specOf: (args: never) => AnySpec,
  history: WorkflowHistory,
  at: number,
  viewOf: (args: object, state: S, at: number) => V,
): Happened<S, V> {
  const cap = capture(specOf, history);
  if (!cap) return { workflowId: history.workflowId, at, reenacted: false, state: null, view: null, lineSources: [], refused: [] };
  const r = reenact<S>(specOf(cap.args as never), history.workflowId, cap, at);
  return { workflowId: history.workflowId, at, reenacted: true, ...r, view: r.state ? viewOf(cap.args, r.state, at) : null };
}

export function programmeHappened(history: WorkflowHistory, at: number): Happened<TProgrammeState, ProgrammeView> {
  return happened(programmeMachine as never, history, at, (args, s: TProgrammeState, t) => programmeView(args as never, s, t));
}

export function actionHappened(history: WorkflowHistory, at: number): Happened<TActionState, ActionView> {
  return happened(actionMachine as never, history, at, (args, s: TActionState, t) =>
    actionView(s, t, defaultActionContext((args as { calendarOverrides?: never }).calendarOverrides).calendar));
}

const LIFECYCLES = {
  monitoring_visit: { machine: monitoringVisitMachine, view: monitoringVisitView },
  intervention: { machine: interventionMachine, view: interventionView },
  information_request: { machine: informationRequestMachine, view: informationRequestView },
} as const;

/** A monitoring visit, DfE intervention or information request by the dates its records carry. */
export function lifecycleHappened(history: WorkflowHistory, at: number): Happened<MachineState & Record<string, unknown>, Record<string, unknown>> {
  const kind = workflowKindOf(history.workflowType);
  if (kind !== 'monitoring_visit' && kind !== 'intervention' && kind !== 'information_request') {
    throw new Error(`workflowId: ${history.workflowId} is not a monitoring visit, intervention or information request`);
  }
  const l = LIFECYCLES[kind];
  return happened(l.machine as never, history, at, (_args, s, t) => (l.view as unknown as (x: unknown, t: number) => Record<string, unknown>)(s, t));
}
