/**
 * programmeWorkflow — one authority's improvement programme for one inspection cycle.
 *
 * Models BRIEF (a): inspection recorded → (inadequate / requires improvement) action planning with the
 * statutory clocks running from the date the report was received:
 *  - publish the report within 30 working days (SI 2007/462),
 *  - submit the action plan within 70 working days (Ofsted / council practice; clause unconfirmed),
 * working days per SI 2007/462 (England & Wales bank holidays, Christmas Day, Good Friday excluded).
 * Every change goes through the domain reducer, and each new state is projected to PostgreSQL before
 * an Update returns, so the API reads what the user just did.
 */
import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  clockViews,
  defaultLifecycleContext,
  LifecycleRejection,
  nextDeadline,
  reduceProgramme,
  ZInspection,
  ZActor,
  type TProgrammeEvent,
  type TProgrammeState,
} from '@ip/domain';
import type { Activities } from '@ip/activities';
import {
  programmeStateQuery,
  recordInspectionUpdate,
  submitPlanUpdate,
  type HumanCommand,
  type ProgrammeView,
  type ProgrammeWorkflowArgs,
} from '../definitions.js';

const { projectProgramme } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export async function programmeWorkflow(args: ProgrammeWorkflowArgs): Promise<TProgrammeState> {
  const ctx = defaultLifecycleContext();
  let state = reduceProgramme(null, { type: 'programme_started', at: Date.now(), ...args }, ctx);

  const view = (): ProgrammeView => ({
    ...state,
    clocks: clockViews(state, Date.now(), ctx.calendar),
    asAt: Date.now(),
  });
  /** Applies an event: reducer, then projection. Rejections surface as failed Updates. */
  const apply = async (event: TProgrammeEvent): Promise<ProgrammeView> => {
    state = reduceProgramme(state, event, ctx);
    await projectProgramme(state);
    return view();
  };
  /** Validators run before an Update is written to history, so a rejected one leaves no trace. */
  const validate = (cmd: HumanCommand, eventProbe: TProgrammeEvent): void => {
    const actor = ZActor.safeParse(cmd.actor);
    if (!actor.success) throw new Error('actor: a signed-in user is required');
    if (!cmd.reason || cmd.reason.trim().length < 3) throw new Error('reason: give a reason');
    try {
      reduceProgramme(state, eventProbe, ctx);
    } catch (err) {
      if (err instanceof LifecycleRejection) throw new Error(err.message);
      throw err;
    }
  };

  setHandler(programmeStateQuery, view);
  setHandler(
    recordInspectionUpdate,
    (cmd) => apply({ type: 'inspection_recorded', at: Date.now(), ...cmd }),
    {
      validator: (cmd) => {
        const parsed = ZInspection.safeParse(cmd.inspection);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new Error(`inspection.${issue?.path.join('.')}: ${issue?.message}`);
        }
        validate(cmd, { type: 'inspection_recorded', at: Date.now(), ...cmd });
      },
    },
  );
  setHandler(
    submitPlanUpdate,
    (cmd) => apply({ type: 'plan_submitted', at: Date.now(), ...cmd }),
    { validator: (cmd) => validate(cmd, { type: 'plan_submitted', at: Date.now(), ...cmd }) },
  );

  // Handlers are registered before the first await, so an Update sent with the start is not lost.
  await projectProgramme(state);

  // Durable timers: sleep until the earliest running deadline, waking early whenever state changes.
  while (state.phase !== 'closed') {
    const due = nextDeadline(state);
    const seen = state.version;
    if (!due) {
      await condition(() => state.version !== seen);
      continue;
    }
    const changed = await condition(() => state.version !== seen, Math.max(1, due.dueAt - Date.now()));
    // A timer never fires before its deadline instant; if the clock reads earlier, sleep the rest.
    if (!changed && Date.now() >= due.dueAt) await apply({ type: 'clock_elapsed', at: Date.now(), clock: due.name });
  }
  return state;
}
