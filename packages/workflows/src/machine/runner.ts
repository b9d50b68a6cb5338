/**
 * Runs a machine (./spec.ts) as a Temporal workflow: the loop every long-lived workflow of the
 * product shares. What it promises, and how:
 *
 *  - **History stays small and linear.** Projections are local activities (their input is not
 *    stored in history, only a small marker) carrying the state's core and the log entries appended
 *    since the last projection; Updates reply with the new version only; the durable timer is
 *    re-armed only when the next wake moves earlier (a wake that moved later is found when the
 *    earlier timer fires). An Update therefore costs about what a bare Update costs.
 *  - **Continue-as-new** at Temporal's suggestion or after `continueAsNewAfterEvents` events, only
 *    when idle: every Update answered, every projection and escalation written, no child running.
 *    The new run starts from `spec.carry(state)`.
 *  - **Decisions the audit fold can replay.** Whenever the workflow wakes, it applies every event
 *    `spec.nextDue` gives at the current workflow time; the wait's condition itself asks whether
 *    anything is due, so the loop runs at every workflow task in which something is, exactly where
 *    the fold applies them (after that task's Updates and child results).
 *  - **No poison.** Start arguments or a state the machine cannot use fail the workflow with the
 *    reason (non-retryable), never an endless retry of a workflow task.
 *  - **Exactly-once effects.** Escalations are recorded with derived ids, projections are monotonic
 *    by version: a retried or replayed effect changes nothing. Each escalation's emails go out through
 *    a delivery workflow of its own, which recording the escalation starts (its id derived from the
 *    escalation; the delivery activity sends nothing twice), so an SMTP outage holds up nothing here.
 *
 * Workflow code: imports only @temporalio/workflow, @ip/domain/workflow and types.
 */
import {
  allHandlersFinished, ApplicationFailure, CancellationScope, condition, continueAsNew, defineQuery, defineUpdate, ParentClosePolicy,
  currentUpdateInfo, proxyLocalActivities, setHandler, sleep, startChild, workflowInfo,
} from '@temporalio/workflow';
import { LifecycleRejection, logLengths, splitLogs } from '@ip/domain/workflow';
import type { Activities } from '@ip/activities';
import {
  DEFAULT_CONTINUE_AS_NEW_AFTER_EVENTS, MAX_DUE_EVENTS_PER_WAKE, RecentUpdateIds, startState, type MachineSpec, type MachineState, type RunArgs, type UpdateReply,
} from './spec.js';

const { applyProjection, recordEscalation } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // Retried until PostgreSQL answers: a projection or an escalation is never dropped. Beyond a minute
  // between attempts the SDK waits on a durable timer, so a long outage does not hold a workflow task.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** How early a long timer aims (see armTimer). */
const EARLY_MS = 2_000;

/** The machine's Query: its name and the view it returns (an optional instant, as the Queries take). */
export interface MachineQuery<S> {
  name: string;
  view(state: S, at: number): unknown;
}

export interface RunOptions<S> {
  query: MachineQuery<S>;
  /** Work a fresh start does beside its first projection (the programme's KPI-return Schedule). */
  onFreshStart?(state: S): Promise<unknown>;
}

/** Fails the workflow (not its task) with the reason, for arguments or a state the machine cannot use. */
function poison(what: string | null, err: unknown): ApplicationFailure {
  const message = err instanceof Error ? err.message : String(err);
  // Start arguments keep the message as it is ("definition.dueOn: …"): the API shows it against the field.
  return ApplicationFailure.nonRetryable(what ? `${what}: ${message}` : message, err instanceof LifecycleRejection || !what ? 'InvalidArguments' : 'UnusableState');
}

export async function runMachine<S extends MachineState, E extends { type: string; at: number }, A extends object>(
  spec: MachineSpec<S, E, A>,
  args: A & RunArgs<S>,
  opts: RunOptions<S>,
): Promise<unknown> {
  const { workflowId } = workflowInfo();
  let state: S;
  try {
    state = startState(spec, args, workflowId, Date.now());
  } catch (err) {
    throw poison(args.carried ? 'The carried state cannot be used' : null, err);
  }

  // ---- effects: one ordered chain of local activities (escalations, then the projection) ----------
  // What the read model holds: nothing yet on a fresh start; the carried state on a continued run
  // (resume may have changed it since, e.g. a restart's timeline line, which the first projection sends).
  const fresh = !args.carried;
  let projectedVersion = args.carried ? args.carried.version : 0;
  let projectedLengths: Record<string, number> | null = args.carried ? logLengths(args.carried, spec.logs) : null;
  let chain: Promise<void> = Promise.resolve();
  let inFlight = 0;
  let openChildren = 0;
  const enqueue = (effect: () => Promise<unknown>): Promise<void> => {
    inFlight += 1;
    chain = chain.then(effect).then(() => { inFlight -= 1; });
    return chain;
  };
  /** Projects what changed since the last projection; resolves once it (and everything before it) is written. */
  const project = (): Promise<void> => {
    if (state.version === projectedVersion) return chain;
    const s = state;
    const fromVersion = projectedVersion;
    const { core, appended } = splitLogs(s, spec.logs, projectedLengths);
    projectedVersion = s.version;
    projectedLengths = logLengths(s, spec.logs);
    const row = spec.row?.(s);
    return enqueue(() => applyProjection({ kind: spec.projection, id: workflowId, version: s.version, fromVersion, core, appended, ...(row ? { row } : {}) }));
  };

  /** Applies one event: the reducer, then its escalations are queued (before the projection that shows them). */
  const apply = (event: E): boolean => {
    const next = spec.reduce(state, event);
    if (next === state) return false;
    state = next;
    // recordEscalation also hands the escalation's emails to their delivery workflow (see the activity).
    for (const fact of spec.escalations(event, next, workflowId)) void enqueue(() => recordEscalation(fact));
    const child = spec.children?.startedBy(event, next);
    if (child) startChildOf(child);
    return true;
  };

  function startChildOf(child: { workflowType: string; workflowId: string; args: unknown }): void {
    openChildren += 1;
    const done = (result: unknown) => {
      const event = spec.children!.closed(state, child.workflowId, result, Date.now());
      if (event && apply(event)) void project();
    };
    void startChild(child.workflowType, { workflowId: child.workflowId, args: [child.args], parentClosePolicy: ParentClosePolicy.ABANDON })
      .then((handle) => handle.result())
      .then(done, () => done(null))
      .finally(() => { openChildren -= 1; });
  }

  // ---- Updates and the Query (registered before the first await: an Update sent with the start is not lost)
  // An Update id this workflow took before (in an earlier run: Temporal itself answers repeats within
  // a run) is accepted and does nothing: a command retried across a continue-as-new has one effect.
  const recentUpdates = new RecentUpdateIds(args.recentUpdateIds);
  for (const [name, toEvent] of Object.entries(spec.updates)) {
    setHandler(
      defineUpdate<UpdateReply, [unknown]>(name),
      async (payload): Promise<UpdateReply> => {
        const updateId = currentUpdateInfo()?.id;
        if (recentUpdates.has(updateId)) return { version: state.version, duplicate: true };
        try {
          apply(toEvent(payload, Date.now(), state));
        } catch (err) {
          // Only if the state moved between validation and handling: a failed Update, not a failed task.
          throw ApplicationFailure.nonRetryable(err instanceof Error ? err.message : String(err), 'Rejected');
        }
        recentUpdates.add(updateId);
        await project();
        return { version: state.version };
      },
      {
        validator: (payload) => {
          if (recentUpdates.has(currentUpdateInfo()?.id)) return;
          try {
            spec.reduce(state, toEvent(payload, Date.now(), state));
          } catch (err) {
            throw new Error(err instanceof Error ? err.message : String(err));
          }
        },
      },
    );
  }
  setHandler(defineQuery<unknown, [number?]>(opts.query.name), (asAt?: number) =>
    opts.query.view(state, typeof asAt === 'number' && asAt > 0 ? asAt : Date.now()));

  // Not awaited: the loop's first look at what is due happens in this very workflow task, at the
  // start instant, where the audit fold looks too (after any Update sent with the start).
  void project();
  if (fresh && opts.onFreshStart) void enqueue(() => opts.onFreshStart!(state));

  // ---- the loop --------------------------------------------------------------------------------
  let dueMemo = { version: -1, at: -1, due: false };
  const dueNow = (): boolean => {
    const at = Date.now();
    if (dueMemo.version !== state.version || dueMemo.at !== at) dueMemo = { version: state.version, at, due: decide(() => spec.nextDue(state, at)) !== null };
    return dueMemo.due;
  };
  const idle = (): boolean => inFlight === 0 && openChildren === 0 && allHandlersFinished();
  const historyLong = (): boolean => {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength >= (args.continueAsNewAfterEvents ?? DEFAULT_CONTINUE_AS_NEW_AFTER_EVENTS);
  };
  /** Runs a decision; a state the machine cannot decide on fails the workflow with the reason. */
  function decide<T>(f: () => T): T {
    try {
      return f();
    } catch (err) {
      throw poison('The workflow cannot schedule its next step', err);
    }
  }

  let timer: { at: number; scope: CancellationScope } | null = null;
  let timerFired = false;
  const armTimer = (wakeAt: number | null): void => {
    const now = Date.now();
    // An earlier timer still pending will wake the loop, which re-arms then: no cancel-and-restart
    // for every Update that moves the wake later (e.g. each progress update moves "stale").
    if (wakeAt === null || (timer && timer.at <= wakeAt && timer.at > now)) return;
    timer?.scope.cancel();
    // Temporal starts a timer when the task that set it completes, which may wait on a projection;
    // aiming a long wait a little early and then the last seconds from a quiet task keeps a step
    // within moments of its instant (an early wake finds nothing due and sleeps the rest).
    const at = wakeAt - now > 2 * EARLY_MS ? wakeAt - EARLY_MS : wakeAt;
    const scope = new CancellationScope();
    const mine = { at, scope };
    timer = mine;
    scope.run(() => sleep(Math.max(1, at - now))).then(
      () => { if (timer === mine) { timer = null; timerFired = true; } },
      () => undefined, // cancelled: a nearer timer replaced it
    );
  };

  for (;;) {
    const at = Date.now();
    let applied = 0;
    for (let event = decide(() => spec.nextDue(state, at)); event; event = decide(() => spec.nextDue(state, at))) {
      if (++applied > MAX_DUE_EVENTS_PER_WAKE) throw poison('The workflow cannot schedule its next step', new Error('too many events due at once'));
      if (!decide(() => apply(event))) throw poison('The workflow cannot schedule its next step', new Error(`a due ${event.type} changed nothing`));
    }
    if (applied) void project();
    if (spec.finished(state)) break;
    armTimer(decide(() => spec.nextWakeAt(state, at)));
    const seen = state.version;
    timerFired = false;
    await condition(() => state.version !== seen || timerFired || dueNow() || (historyLong() && idle()));
    if (state.version === seen && !timerFired && !dueNow() && historyLong() && idle()) {
      await continueAsNew<(a: A & RunArgs<S>) => Promise<unknown>>({ ...args, carried: spec.carry(state, Date.now()), restart: undefined, recentUpdateIds: recentUpdates.list() });
    }
  }
  // Let in-flight Updates reply and every effect land before the workflow completes (children are
  // abandoned to run on: a visit outlives a programme that closes).
  await condition(() => inFlight === 0 && allHandlersFinished());
  return spec.result ? spec.result(state) : state;
}
