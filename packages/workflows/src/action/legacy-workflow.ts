/**
 * The first version of actionWorkflow, kept so that histories it wrote still replay (and workflows
 * it started still run): it projects the whole state on every change and never continued as new.
 * From the 'legacy-continue-as-new' patch on, a long run continues as new, and the next run is the
 * machine version (./workflow.ts). Do not change what it does; new behaviour goes in ./machine.ts.
 *
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
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
  defineUpdate,
} from '@temporalio/workflow';
import { LifecycleRejection, actionCommandEvent, actionView, defaultActionContext, reduceAction } from '@ip/domain/workflow';
import type { ActionView, TActionCommandName, TActionEvent, TActionState } from '@ip/domain/workflow';
import type { Activities } from '@ip/activities';
import {
  actionStateQuery,
  type ActionCommand,
  type ActionWorkflowArgs,
} from './definitions.js';
import { ACTION_UPDATE_COMMANDS, actionCreatedEvent, actionTimerEvent, actionWake } from './steps.js';
import { LEGACY_CONTINUE_AS_NEW_PATCH, legacyRunTooLong } from '../machine/legacy.js';

const { projectAction, recordEscalation } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

type ActionUpdate<K extends TActionCommandName> = ReturnType<typeof defineUpdate<ActionView, [ActionCommand<K>]>>;

export async function legacyActionWorkflow(args: ActionWorkflowArgs): Promise<TActionState> {
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
  // One table of Update names (shared with the audit replay), so the two read the same commands.
  for (const [update, name] of Object.entries(ACTION_UPDATE_COMMANDS)) command(defineUpdate<ActionView, [ActionCommand<typeof name>]>(update), name);

  await projectAction(state);

  /**
   * A ladder step's instant has come. The state changes first, synchronously, so no Update can slip
   * in between deciding and recording (a cancel arriving now sees the step as reached); the
   * Escalation row follows, exactly once because its id is derived (recordEscalation skips duplicates).
   */
  const reach = async (event: TActionEvent): Promise<void> => {
    state = reduceAction(state, event, ctx);
    if (event.type === 'escalation_fired') {
      await recordEscalation({
        id: event.escalationId,
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
        firedAt: event.at,
      });
    }
    await projectAction(state);
  };

  // Durable timers: sleep until the next ladder step or RAG change, waking early on any state change
  // (an extension moves every pending step; completion or cancellation ends the loop).
  while (!isClosed()) {
    if (legacyRunTooLong() && patched(LEGACY_CONTINUE_AS_NEW_PATCH)) {
      // Hand over to the machine version, which keeps its history small, with the state as it is.
      await condition(allHandlersFinished);
      await continueAsNew<typeof legacyActionWorkflow>({ ...args, carried: state } as ActionWorkflowArgs);
    }
    const now = Date.now();
    const wake = actionWake(state, now, ctx.calendar);
    const wakeAt = wake.wakeAt;
    const seen = state.version;
    if (wakeAt === Infinity) {
      await condition(() => state.version !== seen);
      continue;
    }
    const changed = await condition(() => state.version !== seen, Math.max(1, wakeAt - now));
    // An Update handled in the same activation as the timer also counts: `step` may be from a
    // baseline an extension has just replaced, so recompute rather than fire it.
    if (changed || state.version !== seen) continue;
    // A timer never fires before its instant; if the clock reads earlier, the loop sleeps the rest.
    const event = actionTimerEvent(state, wake, Date.now(), ctx.calendar);
    if (event) await reach(event);
  }
  // Let in-flight Updates (e.g. the one that closed it) finish projecting and reply.
  await condition(allHandlersFinished);
  return state;
}

/** Validates the start arguments; a bad one fails the workflow (not just its task) with the reason. */
function create(args: ActionWorkflowArgs, actionId: string, ctx: ReturnType<typeof defaultActionContext>): TActionState {
  try {
    return reduceAction(null, actionCreatedEvent(args, actionId, Date.now()), ctx);
  } catch (err) {
    if (err instanceof LifecycleRejection) throw ApplicationFailure.nonRetryable(err.message, 'InvalidAction');
    throw err;
  }
}
