/**
 * actionWorkflow — one improvement-plan action, from creation to sign-off or cancellation.
 *
 * Lifecycle (the domain reducer `reduceAction`): open → progress and evidence → sign-off requested →
 * signed off (complete) or returned to the owner; extensions are asked for by one person and approved
 * by another, and each approval moves the due date and re-baselines the escalation ladder; a
 * programme manager may cancel at any time before completion. The workflow ends on completion or
 * cancellation, and nothing fires after that.
 *
 * Clocks, and where each comes from:
 *  - the escalation ladder: `args.ladder`, default DEFAULT_ACTION_LADDER = BRIEF (b) "proposed, not
 *    mandated": owner reminders at T−10 and T−5 WD, red and the workstream lead at T+0, programme
 *    manager at +5 WD, AD/DCS and the board exception report at +10 WD, board chair and DfE
 *    adviser/commissioner at +20 WD for Ofsted-linked actions only. Working days per SI 2007/462
 *    (England & Wales bank holidays, Christmas Day, Good Friday); instants per scheduleLadder.
 *  - 'stale' after DEFAULT_CLOCKS.staleAfterWD (20 WD, BRIEF (b), proposed) without an update, amber
 *    10 WD before the due date and chronic amber at month ends: local rules, see domain action/rag.ts.
 *    The workflow wakes when time alone changes the RAG, so the read model never shows a stale RAG.
 * Each step is recorded once as an Escalation with id escalationId(workflowId, ladder, step, baseline);
 * every new state is projected to PostgreSQL before an Update returns.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  setHandler,
  workflowInfo,
  type defineUpdate,
} from '@temporalio/workflow';
import {
  DEFAULT_ACTION_LADDER,
  LifecycleRejection,
  ZActionDefinition,
  ZActionRules,
  ZActor,
  ZLadder,
  actionCommandEvent,
  actionView,
  assessActionRag,
  defaultActionContext,
  ladderStepEvent,
  nextRagReviewAt,
  pendingActionSteps,
  reduceAction,
  sameActionRag,
  type ActionView,
  type PendingActionStep,
  type TActionCommandName,
  type TActionEvent,
  type TActionState,
} from '@ip/domain';
import type { Activities } from '@ip/activities';
import {
  actionStateQuery,
  approveActionExtensionUpdate,
  attachActionEvidenceUpdate,
  cancelActionUpdate,
  rejectActionExtensionUpdate,
  requestActionExtensionUpdate,
  requestActionSignOffUpdate,
  signOffActionUpdate,
  updateActionProgressUpdate,
  type ActionCommand,
  type ActionWorkflowArgs,
} from './definitions.js';

const { projectAction, recordEscalation } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

type ActionUpdate<K extends TActionCommandName> = ReturnType<typeof defineUpdate<ActionView, [ActionCommand<K>]>>;

export async function actionWorkflow(args: ActionWorkflowArgs): Promise<TActionState> {
  const { workflowId } = workflowInfo();
  const ctx = defaultActionContext(args.calendarOverrides);
  let state = create(args, workflowId, ctx);

  const view = (): ActionView => actionView(state, Date.now(), ctx.calendar);
  const isClosed = (): boolean => state.status === 'complete' || state.status === 'cancelled';

  /**
   * One Update per command. The validator runs the reducer on a probe, so a command that does not
   * fit is rejected before it is written to history; the handler applies the same event for real.
   */
  function command<K extends TActionCommandName>(def: ActionUpdate<K>, name: K): void {
    setHandler(
      def,
      async (payload) => {
        try {
          state = reduceAction(state, actionCommandEvent(name, payload, Date.now()), ctx);
        } catch (err) {
          // Only if state moved between validation and handling; surfaces as a failed Update.
          if (err instanceof LifecycleRejection) throw ApplicationFailure.nonRetryable(err.message, 'ActionRejected');
          throw err;
        }
        await projectAction(state);
        return view();
      },
      {
        validator: (payload) => {
          try {
            reduceAction(state, actionCommandEvent(name, payload, Date.now()), ctx);
          } catch (err) {
            if (err instanceof LifecycleRejection) throw new Error(err.message);
            throw err;
          }
        },
      },
    );
  }

  // Every handler is registered before the first await, so an Update sent with the start is not lost.
  setHandler(actionStateQuery, view);
  command(updateActionProgressUpdate, 'updateProgress');
  command(attachActionEvidenceUpdate, 'attachEvidence');
  command(requestActionSignOffUpdate, 'requestSignOff');
  command(signOffActionUpdate, 'signOff');
  command(requestActionExtensionUpdate, 'requestExtension');
  command(approveActionExtensionUpdate, 'approveExtension');
  command(rejectActionExtensionUpdate, 'rejectExtension');
  command(cancelActionUpdate, 'cancel');

  await projectAction(state);

  /**
   * A ladder step's instant has come. The state changes first, synchronously, so no Update can slip
   * in between deciding and recording (a cancel arriving now sees the step as reached); the
   * Escalation row follows, exactly once because its id is derived (recordEscalation skips duplicates).
   */
  const reach = async (pending: PendingActionStep, at: number): Promise<void> => {
    const event = ladderStepEvent(state, pending, at);
    state = reduceAction(state, event, ctx);
    if (event.type === 'escalation_fired') {
      await recordEscalation({
        id: pending.escalationId,
        workflowId,
        programmeId: state.programmeId,
        subjectKind: 'action',
        subjectId: state.actionId,
        subjectTitle: state.title,
        ladderId: event.ladderId,
        stepId: event.stepId,
        kind: event.kind,
        level: event.level,
        label: event.label,
        // The step was taken from the current schedule with no change since, so this is its due date.
        dueOn: state.dueOn,
        fireAt: event.fireAt,
        firedAt: at,
      });
    }
    await projectAction(state);
  };

  // Durable timers: sleep until the next ladder step or RAG change, waking early on any state change
  // (an extension moves every pending step; completion or cancellation ends the loop).
  while (!isClosed()) {
    const now = Date.now();
    const step = pendingActionSteps(state, ctx.calendar)[0];
    const review = nextRagReviewAt(state, now, ctx.calendar);
    const wakeAt = Math.min(step?.fireAt ?? Infinity, review ?? Infinity);
    const seen = state.version;
    if (wakeAt === Infinity) {
      await condition(() => state.version !== seen);
      continue;
    }
    const changed = await condition(() => state.version !== seen, Math.max(1, wakeAt - now));
    // An Update handled in the same activation as the timer also counts: `step` may be from a
    // baseline an extension has just replaced, so recompute rather than fire it.
    if (changed || state.version !== seen) continue;
    const at = Date.now();
    // A timer never fires before its instant; if the clock reads earlier, the loop sleeps the rest.
    if (step && at >= step.fireAt) await reach(step, at);
    else if (review !== null && at >= review && !sameActionRag(assessActionRag(state, at, ctx.calendar), state.rag)) {
      state = reduceAction(state, { type: 'rag_reviewed', at }, ctx);
      await projectAction(state);
    }
  }
  // Let in-flight Updates (e.g. the one that closed it) finish projecting and reply.
  await condition(allHandlersFinished);
  return state;
}

/** Validates the start arguments; a bad one fails the workflow (not just its task) with the reason. */
function create(args: ActionWorkflowArgs, actionId: string, ctx: ReturnType<typeof defaultActionContext>): TActionState {
  try {
    return reduceAction(null, createdEvent(args, actionId), ctx);
  } catch (err) {
    if (err instanceof LifecycleRejection) throw ApplicationFailure.nonRetryable(err.message, 'InvalidAction');
    throw err;
  }
}

function createdEvent(args: ActionWorkflowArgs, actionId: string): TActionEvent {
  const parse = <T>(what: string, r: { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } }): T => {
    if (r.success) return r.data;
    const issue = r.error.issues[0];
    throw ApplicationFailure.nonRetryable(`${what}.${issue?.path.join('.')}: ${issue?.message}`, 'InvalidAction');
  };
  if (!args.reason || args.reason.trim().length < 3) throw ApplicationFailure.nonRetryable('reason: give a reason', 'InvalidAction');
  return {
    type: 'action_created',
    at: Date.now(),
    actor: parse('actor', ZActor.safeParse(args.actor)),
    reason: args.reason.trim(),
    actionId,
    definition: parse('definition', ZActionDefinition.safeParse(args.definition)),
    ladder: args.ladder ? parse('ladder', ZLadder.safeParse(args.ladder)) : DEFAULT_ACTION_LADDER,
    rules: parse('rules', ZActionRules.safeParse(args.rules ?? {})),
  };
}
