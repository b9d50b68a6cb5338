/**
 * The first version's loop of the ladder-driven lifecycle workflows (information request, monitoring
 * visit, intervention), kept so that their histories replay and the workflows it started run on until
 * they grow long and continue as new into the machine runner (./runner.ts). Do not change what it
 * does. It applies events through the domain reducer, projects each whole new state, sleeps until
 * the next reminder or deadline and records each escalation exactly once.
 *
 * Workflow code: imports only @temporalio/workflow, @ip/domain/workflow (zod-free) and types.
 */
import { allHandlersFinished, ApplicationFailure, condition, patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { LEGACY_CONTINUE_AS_NEW_PATCH, legacyRunTooLong } from './legacy.js';
import { escalationId, LifecycleRejection, type PendingTimer } from '@ip/domain/workflow';
import type { Activities, LifecycleRecordProjection } from '@ip/activities';

const { projectLifecycleRecord, recordEscalation } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Omit that keeps a union a union (each event type keeps its own fields). */
export type WithoutAt<E> = E extends unknown ? Omit<E, 'at'> : never;

export interface LifecycleSpec<S, E> {
  kind: LifecycleRecordProjection['kind'];
  reduce(state: S, event: E): S;
  nextTimer(state: S): PendingTimer<WithoutAt<E>> | undefined;
  finished(state: S): boolean;
  /** The columns of the LifecycleRecord row that lists sort and filter by. */
  describe(state: S): Pick<LifecycleRecordProjection, 'programmeId' | 'onsCode' | 'title' | 'phase' | 'dueOn'>;
}

/**
 * Builds the first state; a bad argument fails the workflow (non-retryable) with the reason,
 * instead of failing workflow tasks forever.
 */
export function startOrFail<S>(build: () => S): S {
  try {
    return build();
  } catch (err) {
    if (err instanceof LifecycleRejection) throw ApplicationFailure.nonRetryable(err.message, 'InvalidArguments');
    throw err;
  }
}

export class Lifecycle<S extends { version: number }, E extends { at: number }> {
  constructor(
    private readonly spec: LifecycleSpec<S, E>,
    public state: S,
  ) {}

  /** Reducer, then projection (monotonic by version), so the API reads what the user just did. */
  async apply(event: E): Promise<void> {
    const next = this.spec.reduce(this.state, event);
    if (next === this.state) return;
    this.state = next;
    await this.project();
  }

  /**
   * For Update validators: runs `probe` (payload parsing plus the reducer on a copy of the state) and
   * rethrows a rejection as a plain Error carrying its sentence. Validators run before the Update is
   * written to history, so a rejected one leaves no trace.
   */
  check(probe: () => E): void {
    try {
      this.spec.reduce(this.state, probe());
    } catch (err) {
      if (err instanceof LifecycleRejection) throw new Error(err.message);
      throw err;
    }
  }

  private project(): Promise<void> {
    const s = this.state;
    return projectLifecycleRecord({
      id: workflowInfo().workflowId, kind: this.spec.kind, ...this.spec.describe(s), state: s, stateVersion: s.version,
    });
  }

  private async fire(t: PendingTimer<WithoutAt<E>>): Promise<void> {
    const firedAt = Date.now();
    const before = this.state.version;
    const projected = this.apply({ ...t.event, at: firedAt } as unknown as E);
    // A timer that changes nothing would be chosen again at once: fail loudly rather than spin.
    if (this.state.version === before) throw new Error(`Timer had no effect: ${JSON.stringify(t.event)}`);
    const step = t.ladder?.step;
    if (!t.ladder || !step) return projected;
    const d = this.spec.describe(this.state);
    const { workflowId } = workflowInfo();
    await Promise.all([
      projected,
      recordEscalation({
        id: escalationId(workflowId, t.ladder.ladderId, step.id, t.ladder.baseline),
        workflowId, programmeId: d.programmeId, subjectKind: this.spec.kind, subjectId: workflowId, subjectTitle: d.title,
        ladderId: t.ladder.ladderId, stepId: step.id, kind: step.kind, level: step.level,
        label: step.label, dueOn: t.ladder.dueOn, fireAt: t.fireAt, firedAt,
      }),
    ]);
  }

  /**
   * Projects the first state, then sleeps until the next timer, waking early whenever an Update
   * changes the state (its clocks may have moved). Returns once the lifecycle is finished and every
   * in-flight Update has returned to its caller.
   */
  async run(handOver?: (state: S) => Promise<never>): Promise<S> {
    await this.project();
    while (!this.spec.finished(this.state)) {
      if (handOver && legacyRunTooLong() && patched(LEGACY_CONTINUE_AS_NEW_PATCH)) {
        await condition(allHandlersFinished);
        await handOver(this.state);
      }
      const seen = this.state.version;
      const t = this.spec.nextTimer(this.state);
      if (!t) {
        await condition(() => this.state.version !== seen);
        continue;
      }
      const wait = t.fireAt - Date.now();
      if (wait > 0) {
        const changed = await condition(() => this.state.version !== seen, wait);
        // A timer never fires before its instant; if the clock reads earlier, sleep the rest.
        if (changed || Date.now() < t.fireAt) continue;
      }
      await this.fire(t);
    }
    await condition(allHandlersFinished);
    return this.state;
  }
}
