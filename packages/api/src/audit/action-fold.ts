/**
 * Rebuilds an action's state from its history by running actionWorkflow's own decisions
 * (@ip/workflows/events) and the domain reducer over the start arguments, each Update accepted and
 * each timer fired, at the workflow time it happened. Nothing asks a running workflow.
 *
 * Runs of the first workflow version (./legacy runs: no machine-runner marker) are folded by their
 * own loop below; the runs after them (continue-as-new hands over to the machine) by the machine's
 * (./machine-fold.ts), starting from the state the first ones left.
 */
import { actionCommandEvent, defaultActionContext, LifecycleRejection, reduceAction, type TActionEvent, type TActionState } from '@ip/domain';
import type { ActionWorkflowArgs } from '@ip/workflows/definitions';
import { ACTION_UPDATE_COMMANDS, actionCreatedEvent, actionMachine, actionTimerEvent, actionWake, type ActionWake } from '@ip/workflows/events';
import { foldMachineRuns, isMachineRun } from './machine-fold.js';
import { activationsOf } from './activations.js';
import { Cutoff, newEntries, type FoldOptions } from './fold.js';
import type { WorkflowHistory } from './history-source.js';
import { decodePayloads, eventIdOf } from './raw.js';

export interface ActionFold {
  state: TActionState | null;
  args: ActionWorkflowArgs | null;
  ctx: ReturnType<typeof defaultActionContext>;
  lastAt: number | null;
  /** Log entries the last run folded did not hold (see machine-fold.ts runState). */
  runLogBase?: Record<string, number> | undefined;
}

export function foldAction(history: WorkflowHistory, opts: FoldOptions = {}): ActionFold {
  const legacyRuns = history.runs.findIndex(isMachineRun);
  const first = legacyRuns < 0 ? history.runs.length : legacyRuns;
  const legacy = foldLegacyAction(history, opts, first);
  if (first >= history.runs.length) return legacy;
  const m = foldMachineRuns(actionMachine, history, {
    ...opts, firstRun: first, initial: { state: legacy.state, args: legacy.args, runLogBase: undefined, lastAt: legacy.lastAt },
  });
  return { state: m.state, args: m.args, ctx: defaultActionContext(m.args?.calendarOverrides), lastAt: m.lastAt, runLogBase: m.runLogBase };
}

/** The first version's runs (the first `runs` of the history). */
function foldLegacyAction(history: WorkflowHistory, opts: FoldOptions, runs: number): ActionFold {
  const cutoff = new Cutoff(history, opts.until);
  let state: TActionState | null = null;
  let args: ActionWorkflowArgs | null = null;
  let ctx = defaultActionContext();
  let lastAt: number | null = null;

  history.runs.forEach((run, runIndex) => {
    if (runIndex >= runs || !cutoff.includesRun(runIndex)) return;
    const timers = new Map<number, { seen: number; wake: ActionWake }>();
    const apply = (make: () => TActionEvent, trigger: number, type: string, at: number): void => {
      const before = state?.history.length ?? 0;
      try {
        const event = make();
        state = reduceAction(state, event, ctx);
        opts.onApply?.({ runId: run.runId, triggerEventId: trigger, at, type: event.type, ...newEntries(state.history, before), rejected: null, version: state.version });
      } catch (err) {
        if (!(err instanceof LifecycleRejection) && !(err instanceof Error && err.name === 'ApplicationFailure')) throw err;
        opts.onApply?.({ runId: run.runId, triggerEventId: trigger, at, type, entry: null, entries: [], rejected: err.message, version: state?.version ?? null });
      }
    };

    for (const a of activationsOf(run.history)) {
      if (!cutoff.includes(runIndex, a)) break;
      lastAt = a.at;
      const at = a.at;
      const started = a.incoming.find((e) => e.workflowExecutionStartedEventAttributes);
      if (started) {
        const startArgs = decodePayloads(started.workflowExecutionStartedEventAttributes!.input)[0] as ActionWorkflowArgs;
        args = startArgs;
        ctx = defaultActionContext(startArgs.calendarOverrides);
        state = null;
        apply(() => actionCreatedEvent(startArgs, history.workflowId, at), eventIdOf(started), 'action_created', at);
      }
      for (const u of a.updates) {
        const input = u.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input;
        const name = ACTION_UPDATE_COMMANDS[(input?.name ?? '')];
        if (!name || !state) continue;
        const payload = decodePayloads(input?.args)[0];
        apply(() => actionCommandEvent(name, payload, at), eventIdOf(u), name, at);
      }
      for (const e of a.incoming) {
        if (!e.timerFiredEventAttributes || !state) continue;
        const plan = timers.get(Number(e.timerFiredEventAttributes.startedEventId));
        if (!plan || plan.seen !== state.version) continue; // state changed first: the loop recomputes
        const current: TActionState = state;
        const event = actionTimerEvent(current, plan.wake, at, ctx.calendar);
        if (event) apply(() => event, eventIdOf(e), event.type, at);
      }
      for (const c of a.commands) {
        if (c.timerStartedEventAttributes && state) {
          timers.set(eventIdOf(c), { seen: state.version, wake: actionWake(state, at, ctx.calendar) });
        }
      }
    }
  });
  return { state, args, ctx, lastAt };
}
