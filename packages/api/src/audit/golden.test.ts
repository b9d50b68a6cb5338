/**
 * The folds against the committed golden histories of real workflow runs (time-skipping server):
 * every state the workflow projected to PostgreSQL (the input of each projectProgramme/projectAction
 * activity, written by the workflow itself) must equal the state the fold rebuilds from the history
 * up to that point. Covers updates, ladder timers, escalations, continue-as-new carry and children.
 */
import { describe, expect, it } from 'vitest';
import { activationsOf } from './activations.js';
import { actionAsAt, programmeAsAt, workflowKindOf } from './as-at.js';
import { goldenWorkflowHistories } from './golden.js';
import { decodePayloads, eventIdOf } from './raw.js';

const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe('as-at fold equals every state the workflow projected (golden histories)', () => {
  const golden = goldenWorkflowHistories().filter((g) => ['programme', 'action'].includes(workflowKindOf(g.history.workflowType)));
  it('has programme and action golden histories', () => {
    expect(golden.map((g) => workflowKindOf(g.history.workflowType))).toEqual(expect.arrayContaining(['programme', 'action']));
  });
  for (const { file, history } of golden) {
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
