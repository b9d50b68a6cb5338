/**
 * The folds against the committed golden histories of real workflow runs (time-skipping server).
 *  - First-version histories: every state the workflow projected (the input of each
 *    projectProgramme/projectAction activity, which carried the whole state) must equal the state the
 *    fold rebuilds from the history up to that point.
 *  - Machine-runner histories (several runs chained by continue-as-new): every state the read model
 *    held after each projection delta (captured beside the history, *.states.json) must equal the
 *    state the fold reaches at that version, across the runs; and the state each continued run
 *    started from must be the fold's own state with the logs trimmed as the run carried them.
 * Covers updates, ladder timers, late escalations, escalations, extensions, children and carry-over.
 */
import { describe, expect, it } from 'vitest';
import { withLogBase } from '@ip/domain';
import { activationsOf } from './activations.js';
import { actionAsAt, lifecycleAsAt, programmeAsAt, workflowKindOf } from './as-at.js';
import { goldenWorkflowHistories } from './golden.js';
import { foldAction } from './action-fold.js';
import { foldProgramme } from './programme-fold.js';
import { foldMachineRuns } from './machine-fold.js';
import { informationRequestMachine, interventionMachine, monitoringVisitMachine } from '@ip/workflows/events';
import { decodePayloads, eventIdOf } from './raw.js';
import type { FoldOptions } from './fold.js';
import type { WorkflowHistory } from './history-source.js';

const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
const golden = goldenWorkflowHistories();

/** Folds a whole history of any kind with the given options. */
function foldAll(history: WorkflowHistory, opts: FoldOptions): void {
  const kind = workflowKindOf(history.workflowType);
  if (kind === 'programme') foldProgramme(history, opts);
  else if (kind === 'action') foldAction(history, opts);
  else if (kind === 'monitoring_visit') foldMachineRuns(monitoringVisitMachine as never, history, opts);
  else if (kind === 'intervention') foldMachineRuns(interventionMachine as never, history, opts);
  else if (kind === 'information_request') foldMachineRuns(informationRequestMachine as never, history, opts);
}

describe('as-at fold equals every state the workflow projected (golden histories, first version)', () => {
  const legacy = golden.filter((g) => !g.projected && ['programme', 'action'].includes(workflowKindOf(g.history.workflowType)));
  it('has programme and action golden histories', () => {
    expect(legacy.map((g) => workflowKindOf(g.history.workflowType))).toEqual(expect.arrayContaining(['programme', 'action']));
  });
  for (const { file, history } of legacy) {
    it(file, () => {
      const kind = workflowKindOf(history.workflowType);
      const run = history.runs[0]!;
      const checkpoints: { eventId: number; projected: { actionId?: string } }[] = [];
      for (const a of activationsOf(run.history)) {
        const projections = a.commands.filter((c) => ['projectProgramme', 'projectAction'].includes(c.activityTaskScheduledEventAttributes?.activityType?.name ?? ''));
        const last = projections.at(-1);
        if (last) checkpoints.push({ eventId: eventIdOf(last), projected: decodePayloads(last.activityTaskScheduledEventAttributes!.input)[0] as { actionId?: string } });
      }
      expect(checkpoints.length).toBeGreaterThan(2);
      // The action's id is its workflow id, which a run's history does not hold: take it from the projection.
      const h = kind === 'action' ? { ...history, workflowId: checkpoints[0]!.projected.actionId! } : history;
      for (const c of checkpoints) {
        const asAt = kind === 'programme' ? programmeAsAt(h, { eventId: c.eventId }) : actionAsAt(h, { eventId: c.eventId });
        // Older histories were projected before later fields (e.g. config) existed: every projected field must match.
        expect(plain(asAt.state), `as at event ${c.eventId}`).toMatchObject(c.projected);
      }
    });
  }
});

describe('as-at fold equals every state the read model held (golden histories, machine runner)', () => {
  const machine = golden.filter((g) => g.projected);
  it('covers every workflow kind, and runs chained by continue-as-new', () => {
    expect(new Set(machine.map((g) => workflowKindOf(g.history.workflowType)))).toEqual(
      new Set(['programme', 'action', 'monitoring_visit', 'intervention', 'information_request']));
    expect(machine.some((g) => g.history.runs.length >= 3 && workflowKindOf(g.history.workflowType) === 'action')).toBe(true);
    expect(machine.some((g) => g.history.runs.length >= 3 && workflowKindOf(g.history.workflowType) === 'programme')).toBe(true);
  });
  for (const { file, history, projected } of machine) {
    it(file, () => {
      const byVersion = new Map<number, unknown>();
      foldAll(history, { onState: (s) => byVersion.set(s.version, plain(s)) });
      expect(projected!.states.length).toBeGreaterThan(2);
      for (const p of projected!.states) expect(byVersion.get(p.version), `state at version ${p.version}`).toEqual(p.state);
      // Each continued run started from the fold's state, its logs trimmed as it carried them.
      for (const [i, run] of history.runs.entries()) {
        if (i === 0) continue;
        const started = run.history.events![0]!;
        const carried = decodePayloads(started.workflowExecutionStartedEventAttributes!.input)[0] as { carried: { version: number; logBase?: Record<string, number> } };
        const full = byVersion.get(carried.carried.version) as object;
        expect(plain(withLogBase(full, carried.carried.logBase)), `run ${i + 1} carried`).toEqual(plain(carried.carried));
      }
      // And "as at" the end agrees: the same state through the as-at entry points.
      const kind = workflowKindOf(history.workflowType);
      const end = { at: Date.UTC(2099, 0, 1) };
      const last = projected!.states.at(-1)!;
      const asAt = kind === 'programme' ? programmeAsAt(history, end) : kind === 'action' ? actionAsAt(history, end) : lifecycleAsAt(history, end);
      expect(plain(asAt.state)).toEqual(last.state);
    });
  }
});
