/**
 * Rebuilds a programme's state from its history by running programmeWorkflow's own decisions
 * (@ip/workflows/events) and the domain reducer over what happened: the start arguments, each
 * Update accepted, each timer fired, each escalation written and each monitoring-visit result, at
 * the workflow time it happened. Nothing asks a running workflow.
 *
 * Runs of the first versions (no machine-runner marker) are folded by their own loop below; the runs
 * after them by the machine's (./machine-fold.ts), starting from the state the first ones left.
 */
import { LifecycleRejection, type TProgrammeEvent, type TProgrammeState } from '@ip/domain';
import { monitoringVisitWorkflowId, PROGRAMME_COMMANDS, type ProgrammeWorkflowArgs } from '@ip/workflows/definitions';
import {
  applyProgrammeEvent,
  clockElapsedEvent,
  initialProgrammeState,
  isMootStep,
  ladderStepFiredEvent,
  LADDERS_PATCH,
  legacyNextDeadline,
  nextProgrammeStep,
  programmeCommandEvent,
  programmeContextOf,
  visitClosedEvent,
  visitScheduledEvent,
  programmeMachine,
  type PendingStep,
} from '@ip/workflows/events';
import { foldMachineRuns, isMachineRun } from './machine-fold.js';
import { activationsOf, hasPatch } from './activations.js';
import { Cutoff, newEntries, type FoldOptions } from './fold.js';
import type { WorkflowHistory } from './history-source.js';
import { decodePayloads, eventIdOf, eventKind } from './raw.js';

export interface ProgrammeFold {
  state: TProgrammeState | null;
  args: ProgrammeWorkflowArgs | null;
  /** Workflow time of the last activation folded. */
  lastAt: number | null;
  /** Log entries the last run folded did not hold (see machine-fold.ts runState). */
  runLogBase?: Record<string, number> | undefined;
}

type TimerPlan = { seen: number; next: PendingStep | undefined; due: ReturnType<typeof legacyNextDeadline> };
const CHILD_FAILED = new Set(['childWorkflowExecutionFailed', 'childWorkflowExecutionCanceled', 'childWorkflowExecutionTimedOut', 'childWorkflowExecutionTerminated']);

export function foldProgramme(history: WorkflowHistory, opts: FoldOptions = {}): ProgrammeFold {
  const legacyRuns = history.runs.findIndex(isMachineRun);
  const first = legacyRuns < 0 ? history.runs.length : legacyRuns;
  const legacy = foldLegacyProgramme(history, opts, first);
  if (first >= history.runs.length) return legacy;
  return foldMachineRuns(programmeMachine, history, { ...opts, firstRun: first, initial: { ...legacy, runLogBase: undefined } });
}

/**
 * The first versions' runs (the first `runs` of the history): the clock loop of version 1, the
 * ladder loop after it, and their continue-as-new chains. Later runs are the machine's.
 */
function foldLegacyProgramme(history: WorkflowHistory, opts: FoldOptions, runs: number): ProgrammeFold {
  const cutoff = new Cutoff(history, opts.until);
  let state: TProgrammeState | null = null;
  let args: ProgrammeWorkflowArgs | null = null;
  let lastAt: number | null = null;

  history.runs.forEach((run, runIndex) => {
    if (runIndex >= runs || !cutoff.includesRun(runIndex)) return;
    const ladders = hasPatch(run.history, LADDERS_PATCH);
    const timers = new Map<number, TimerPlan>();
    const awaitingEscalation = new Map<number, PendingStep>();
    const childNumbers = new Map<string, number>();
    let stepDue: PendingStep | null = null;

    const apply = (event: TProgrammeEvent, trigger: number): void => {
      if (!state || !args) return;
      const before = state.history.length;
      try {
        const next = applyProgrammeEvent(state, event, programmeContextOf(args, state), args.carried ? true : ladders);
        state = next;
        opts.onApply?.({ runId: run.runId, triggerEventId: trigger, at: event.at, type: event.type, ...newEntries(next.history, before), rejected: null, version: next.version });
      } catch (err) {
        if (!(err instanceof LifecycleRejection)) throw err;
        opts.onApply?.({ runId: run.runId, triggerEventId: trigger, at: event.at, type: event.type, entry: null, entries: [], rejected: err.message, version: state.version });
      }
    };

    for (const a of activationsOf(run.history)) {
      if (!cutoff.includes(runIndex, a)) break;
      lastAt = a.at;
      const at = a.at;
      const started = a.incoming.find((e) => e.workflowExecutionStartedEventAttributes);
      if (started) {
        args = decodePayloads(started.workflowExecutionStartedEventAttributes!.input)[0] as ProgrammeWorkflowArgs;
        state = initialProgrammeState(args, at);
        const lines = args.carried ? { entry: null, entries: [] } : newEntries(state.history, 0);
        opts.onApply?.({ runId: run.runId, triggerEventId: eventIdOf(started), at, type: args.carried ? 'continued_as_new' : 'programme_started', ...lines, rejected: null, version: state.version });
      }
      for (const u of a.updates) {
        const input = u.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input;
        const name = input?.name ?? '';
        const cmd = decodePayloads(input?.args)[0] as Parameters<typeof programmeCommandEvent>[1];
        if (name in PROGRAMME_COMMANDS) {
          apply(programmeCommandEvent(PROGRAMME_COMMANDS[name as keyof typeof PROGRAMME_COMMANDS], cmd, at), eventIdOf(u));
        } else if (name === 'scheduleMonitoringVisit' && state) {
          const c = cmd as Parameters<typeof visitScheduledEvent>[0];
          const workflowId = monitoringVisitWorkflowId(state.programmeId, c.number);
          childNumbers.set(workflowId, c.number);
          apply(visitScheduledEvent(c, workflowId, at), eventIdOf(u));
        }
      }
      for (const e of a.incoming) {
        const kind = eventKind(e);
        if (kind === 'timerFired' && state) {
          const plan = timers.get(Number(e.timerFiredEventAttributes!.startedEventId));
          if (!plan || plan.seen !== state.version) continue; // state changed first: the loop recomputes
          if (args?.carried || ladders) {
            const next = plan.next;
            if (!next || at < next.fireAt) continue;
            if (isMootStep(next, at)) apply(ladderStepFiredEvent(next, true, at), eventIdOf(e));
            else {
              stepDue = next;
              // Not a state change yet (that comes once the escalation is written): a line for the timeline of events only.
              const line = { at, type: 'ladder_step_due', actor: null, reason: null, summary: `Due now: ${next.step.label} (${next.clock.label}); escalation being written` };
              opts.onApply?.({ runId: run.runId, triggerEventId: eventIdOf(e), at, type: 'ladder_step_due', entry: null, entries: [line], rejected: null, version: state.version });
            }
          } else if (plan.due && at >= plan.due.dueAt) {
            apply(clockElapsedEvent(plan.due.name, at), eventIdOf(e));
          }
        } else if (kind === 'activityTaskCompleted') {
          const next = awaitingEscalation.get(Number(e.activityTaskCompletedEventAttributes!.scheduledEventId));
          if (next) apply(ladderStepFiredEvent(next, false, at), eventIdOf(e));
        } else if (kind === 'childWorkflowExecutionCompleted' || CHILD_FAILED.has(kind)) {
          const attrs = (e as Record<string, { workflowExecution?: { workflowId?: string | null } | null; result?: unknown }>)[`${kind}EventAttributes`]!;
          const childId = attrs.workflowExecution?.workflowId ?? '';
          const number = childNumbers.get(childId) ?? state?.visits.find((v) => v.workflowId === childId)?.number;
          if (number === undefined) continue;
          const result = kind === 'childWorkflowExecutionCompleted' ? (decodePayloads(e.childWorkflowExecutionCompletedEventAttributes!.result)[0] as { letterPublishedOn?: string | null } | undefined) : null;
          apply(visitClosedEvent(number, result, at), eventIdOf(e));
        }
      }
      for (const c of a.commands) {
        if (c.timerStartedEventAttributes && state && args) {
          timers.set(eventIdOf(c), { seen: state.version, next: nextProgrammeStep(args, state), due: legacyNextDeadline(state) });
        } else if (c.activityTaskScheduledEventAttributes?.activityType?.name === 'recordEscalation' && stepDue) {
          awaitingEscalation.set(eventIdOf(c), stepDue);
          stepDue = null;
        }
      }
    }
  });
  return { state, args, lastAt };
}
