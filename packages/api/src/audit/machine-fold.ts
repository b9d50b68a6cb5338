/**
 * Rebuilds the state of a workflow run by the machine runner from its history, by running the very
 * machine the workflow runs (@ip/workflows/events: the MachineSpec of each kind) over what happened,
 * at the workflow time it happened. Nothing asks a running workflow.
 *
 * The runner's loop looks at what is due in every workflow task, after that task's Updates and
 * again after any child's result (../../../workflows/src/machine/runner.ts explains why that is the
 * order the SDK gives it), so the fold does exactly that, task by task:
 *   start (fresh: init; continued: the carried state) → each Update accepted → what is due →
 *   each child that finished → what is due.
 * Across continue-as-new the fold keeps its own state, whole: the workflow's next run holds the
 * same state with its logs trimmed (`logBase`), which `withLogBase` reproduces for comparison.
 * After an admin's restart the run starts from the read model's state it was given.
 */
import { LifecycleRejection, withLogBase } from '@ip/domain';
import { applyDue, MACHINE_PATCH, RecentUpdateIds, startState, type MachineSpec, type MachineState, type RunArgs } from '@ip/workflows/events';
import { activationsOf, hasPatch } from './activations.js';
import { Cutoff, newEntries, type FoldOptions } from './fold.js';
import type { WorkflowHistory, WorkflowRun } from './history-source.js';
import { decodePayloads, eventIdOf, eventKind } from './raw.js';

export interface MachineFold<S, A> {
  /** The state with every log entry (what the read model holds). */
  state: S | null;
  /** The start arguments of the last run folded. */
  args: A | null;
  /** Log entries the last run folded did not hold (its state = withLogBase(state, runLogBase)). */
  runLogBase: Record<string, number> | undefined;
  /** Workflow time of the last task folded. */
  lastAt: number | null;
}

/** Whether a run was written by the machine runner (its first task recorded the patch marker). */
export function isMachineRun(run: WorkflowRun): boolean {
  return hasPatch(run.history, MACHINE_PATCH);
}

const CHILD_CLOSED = new Set([
  'childWorkflowExecutionCompleted', 'childWorkflowExecutionFailed', 'childWorkflowExecutionCanceled',
  'childWorkflowExecutionTimedOut', 'childWorkflowExecutionTerminated', 'startChildWorkflowExecutionFailed',
]);

/**
 * Folds the machine runs of `history` (from `firstRun` on), starting from `initial` (the state the
 * runs before them left, or null). `specOf` builds the machine from a run's start arguments.
 */
export function foldMachineRuns<S extends MachineState, E extends { type: string; at: number }, A extends object>(
  specOf: (args: A & RunArgs<S>) => MachineSpec<S, E, A & RunArgs<S>>,
  history: WorkflowHistory,
  opts: FoldOptions & { firstRun?: number; initial?: MachineFold<S, A> },
): MachineFold<S, A> {
  const cutoff = new Cutoff(history, opts.until);
  const out: MachineFold<S, A> = opts.initial ? { ...opts.initial } : { state: null, args: null, runLogBase: undefined, lastAt: null };
  for (let runIndex = opts.firstRun ?? 0; runIndex < history.runs.length; runIndex++) {
    if (!cutoff.includesRun(runIndex)) break;
    const run = history.runs[runIndex]!;
    let spec: MachineSpec<S, E, A & RunArgs<S>> | null = null;
    // The Update ids the run knows it took (carried from the run before, then its own): a repeat is a no-op.
    let recentUpdates = new RecentUpdateIds(undefined);

    const report = (trigger: number, at: number, type: string, before: number, rejected: string | null, escalationIds: string[] = []) => {
      const s = out.state;
      if (s && rejected === null) opts.onState?.(s);
      opts.onApply?.({
        runId: run.runId, triggerEventId: trigger, at, type, ...(s ? newEntries(s.history as never, before) : { entry: null, entries: [] }), rejected, version: s?.version ?? null,
        ...(escalationIds.length ? { escalationIds } : {}),
      });
    };
    /** The ids of the escalations the runner records for an applied event (spec.escalations). */
    const recorded = (event: E, after: S): string[] => (spec ? spec.escalations(event, after, history.workflowId).map((f) => f.id) : []);
    /** Applies one event as the workflow would; false if the workflow refused it (no state change). */
    const apply = (make: () => E, trigger: number, fallbackType: string, at: number): boolean => {
      if (!out.state || !spec) return false;
      const before = out.state.history.length;
      let type = fallbackType;
      try {
        const event = make();
        type = event.type;
        out.state = spec.reduce(out.state, event);
        report(trigger, at, type, before, null, recorded(event, out.state));
        return true;
      } catch (err) {
        // Refused as the workflow's handler refused it (a failed Update, no state change).
        if (!(err instanceof LifecycleRejection) && !(err instanceof Error)) throw err;
        report(trigger, at, type, before, err.message);
        return false;
      }
    };
    const due = (trigger: number, at: number): void => {
      if (!out.state || !spec) return;
      const s = spec;
      let before = out.state.history.length;
      out.state = applyDue(s, out.state, at, (event, _b, after) => {
        out.state = after;
        report(trigger, at, event.type, before, null, recorded(event, after));
        before = after.history.length;
      });
    };

    for (const a of activationsOf(run.history)) {
      if (!cutoff.includes(runIndex, a)) break;
      out.lastAt = a.at;
      const at = a.at;
      const started = a.incoming.find((e) => e.workflowExecutionStartedEventAttributes);
      if (started) {
        const args = decodePayloads(started.workflowExecutionStartedEventAttributes!.input)[0] as A & RunArgs<S>;
        spec = specOf(args);
        out.args = args;
        recentUpdates = new RecentUpdateIds(args.recentUpdateIds);
        const continued = args.carried && !args.restart && out.state;
        // A continued run resumes the whole state the fold already has; its own holds the carried logs only.
        const startArgs = continued ? { ...args, carried: out.state! } : args;
        out.runLogBase = continued ? (args.carried as { logBase?: Record<string, number> }).logBase : (args.carried as { logBase?: Record<string, number> } | undefined)?.logBase;
        try {
          out.state = startState(spec, startArgs, history.workflowId, at);
          const type = continued ? 'continued_as_new' : args.restart ? 'workflow_restarted' : out.state.history[0]?.type ?? 'started';
          report(eventIdOf(started), at, type, continued ? out.state.history.length : 0, null);
        } catch (err) {
          out.state = null;
          report(eventIdOf(started), at, 'started', 0, err instanceof Error ? err.message : String(err));
        }
      }
      if (!spec) continue;
      const s = spec;
      for (const u of a.updates) {
        const request = u.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
        const input = request?.input;
        const toEvent = s.updates[input?.name ?? ''];
        if (!toEvent || !out.state) continue;
        // Taken by an earlier run already (a command retried across continue-as-new): the workflow did nothing.
        const updateId = request?.meta?.updateId ?? undefined;
        if (recentUpdates.has(updateId)) continue;
        const payload = decodePayloads(input?.args)[0];
        const state = out.state;
        if (apply(() => toEvent(payload, at, state), eventIdOf(u), input?.name ?? 'update', at)) recentUpdates.add(updateId);
      }
      // Rows put what time made due on the timer that woke the task, else on the task itself.
      const wake = a.incoming.find((e) => e.timerFiredEventAttributes);
      const dueTrigger = wake ? eventIdOf(wake) : a.completedEventId;
      due(dueTrigger, at);
      const closed = a.incoming.filter((e) => CHILD_CLOSED.has(eventKind(e)));
      if (closed.length && s.children && out.state) {
        for (const e of closed) {
          const kind = eventKind(e);
          const attrs = (e as Record<string, { workflowExecution?: { workflowId?: string | null } | null; workflowId?: string | null } | undefined>)[`${kind}EventAttributes`];
          const childId = attrs?.workflowExecution?.workflowId ?? attrs?.workflowId ?? '';
          const result = kind === 'childWorkflowExecutionCompleted' ? decodePayloads(e.childWorkflowExecutionCompletedEventAttributes!.result)[0] ?? null : null;
          const state = out.state;
          const event = s.children.closed(state, childId, result, at);
          if (event) apply(() => event, eventIdOf(e), event.type, at);
        }
        due(dueTrigger, at);
      }
    }
  }
  return out;
}

/** The state as the last folded run holds it in memory (its logs trimmed as it carried them). */
export function runState<S extends object>(fold: { state: S | null; runLogBase: Record<string, number> | undefined }): S | null {
  return fold.state ? withLogBase(fold.state, fold.runLogBase) : null;
}
