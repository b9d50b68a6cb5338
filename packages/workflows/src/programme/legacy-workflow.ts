/**
 * The first versions of programmeWorkflow, kept so that histories they wrote still replay (and
 * workflows they started still run until they continue as new, which takes the machine path:
 * ./workflow.ts). Do not change what it does; new behaviour goes in ./machine.ts.
 *
 * programmeWorkflow — one authority's improvement programme, from the inspection to exit.
 *
 * Models BRIEF (a), LA inspection track: inspection recorded → (inadequate / requires improvement)
 * action planning → plan submitted → Ofsted accepts or returns it → (inadequate) monitoring, with a
 * child monitoringVisitWorkflow per visit → re-inspection → exit when no longer inadequate, or a new
 * cycle. Requires improvement: plan, then routine with focused visits / annual engagement meetings,
 * where "areas for priority action" start the 20 WD draft and 70 WD plan clocks.
 * Clocks (working days per SI 2007/462, deadlines at the end of the due date in Europe/London):
 *  - publish the report within 30 WD of receipt (SI 2007/462),
 *  - submit the action plan within 70 WD of receipt (Ofsted / council practice; clause unconfirmed),
 *  - back-scheduled plan milestones and a 4-month monitoring gap (BRIEF (b), proposed),
 *  - priority-action draft 20 WD / plan 70 WD after a focused visit letter (S16).
 * Each clock runs an escalation ladder (reminders before, escalations after); every step fired is
 * recorded exactly once by the recordEscalation activity, with an id derived from the step.
 * Every change goes through the domain reducer and is projected to PostgreSQL before an Update
 * returns. Long lives continue as new with their state intact.
 */
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  ParentClosePolicy,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { checkedActor, checkedPayload, escalationId, GRADES, ladderProblem, LifecycleRejection, reduceProgramme } from '@ip/domain/workflow';
import type { TProgrammeEvent, TProgrammeState } from '@ip/domain/workflow';
import type { Activities } from '@ip/activities';
import { kpiReturnScheduleOptions } from '../kpi-return/definitions.js';
import { monitoringVisitWorkflowId, type MonitoringVisitResult } from '../monitoring-visit/definitions.js';
import {
  PROGRAMME_COMMANDS,
  programmeStateQuery,
  scheduleMonitoringVisitUpdate,
  type HumanCommand,
  type ProgrammeView,
  type ProgrammeWorkflowArgs,
} from './definitions.js';
import { defineUpdate } from '@temporalio/workflow';
import {
  applyProgrammeEvent,
  clockElapsedEvent,
  initialProgrammeState,
  isMootStep,
  KPI_SCHEDULE_PATCH,
  ladderStepFiredEvent,
  LADDERS_PATCH,
  legacyNextDeadline,
  nextProgrammeStep,
  programmeCommandEvent,
  programmeContextOf,
  programmeView,
  visitClosedEvent,
  visitScheduledEvent,
} from './steps.js';

const { projectProgramme, recordEscalation, ensureSchedule } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export async function legacyProgrammeWorkflow(args: ProgrammeWorkflowArgs): Promise<TProgrammeState> {
  // The context follows the programme's configuration (ladders, calendar), which an admin may change.
  const ctxOf = () => programmeContextOf(args, state);
  // Version 1 waited on the earliest clock only; ladders came later. Old histories keep the old loop.
  const ladders = args.carried ? true : patched(LADDERS_PATCH);
  let state: TProgrammeState = initialProgrammeState(args, Date.now());
  let openChildren = 0;

  const view = (): ProgrammeView => programmeView(args, state, Date.now());
  const apply = async (event: TProgrammeEvent): Promise<ProgrammeView> => {
    let next: TProgrammeState;
    try {
      next = applyProgrammeEvent(state, event, ctxOf(), ladders);
    } catch (err) {
      // Two Updates validated against the same state can still collide: the loser fails cleanly
      // with the domain's reason instead of failing the workflow task.
      if (err instanceof LifecycleRejection) throw ApplicationFailure.nonRetryable(err.message, 'LifecycleRejection');
      throw err;
    }
    if (next === state) return view();
    state = next;
    await projectProgramme(state);
    return view();
  };
  /** Validators run before an Update is written to history, so a rejected one leaves no trace. */
  const validate = (cmd: HumanCommand, probe: TProgrammeEvent): void => {
    try {
      checkedActor(cmd.actor);
    } catch {
      throw new Error('actor: a signed-in user is required');
    }
    if (!cmd.reason || cmd.reason.trim().length < 3) throw new Error('reason: give a reason');
    try {
      reduceProgramme(state, probe, ctxOf());
    } catch (err) {
      throw err instanceof LifecycleRejection ? new Error(err.message) : err;
    }
  };

  // Handlers are registered before the first await, so an Update sent with the start is not lost.
  setHandler(programmeStateQuery, view);
  for (const [name, type] of Object.entries(PROGRAMME_COMMANDS)) {
    const toEvent = (cmd: HumanCommand): TProgrammeEvent => programmeCommandEvent(type, cmd, Date.now());
    setHandler(defineUpdate<ProgrammeView, [HumanCommand]>(name), (cmd) => apply(toEvent(cmd)), {
      validator: (cmd: HumanCommand) => {
        const inspection = (cmd as { inspection?: unknown }).inspection;
        if (type === 'programme_configured') {
          for (const [clock, ladder] of Object.entries((cmd as { ladders?: Record<string, unknown> }).ladders ?? {})) {
            const problem = ladderProblem(ladder, `ladders.${clock}`);
            if (problem) throw new Error(problem);
          }
        }
        if (type === 'inspection_recorded' || type === 'reinspection_recorded') {
          // The API parsed it with ZInspection; here, what the reducer relies on (see @ip/domain/workflow).
          try {
            const i = checkedPayload<{ judgements: unknown }>(inspection, {
              type: 'value', fieldworkStartedOn: 'date', fieldworkEndedOn: 'date', reportReceivedOn: 'date', judgements: 'value',
            }, 'none', 'inspection');
            checkedPayload(i.judgements, { overallEffectiveness: 'value' }, 'none', 'inspection.judgements');
            const grade = (i.judgements as { overallEffectiveness: unknown }).overallEffectiveness;
            if (!GRADES.includes(grade as never)) throw new LifecycleRejection(`inspection.judgements.overallEffectiveness: expected one of ${GRADES.join(', ')}`);
          } catch (err) {
            throw err instanceof LifecycleRejection ? new Error(err.message) : err;
          }
        }
        validate(cmd, toEvent(cmd));
      },
    });
  }
  setHandler(
    scheduleMonitoringVisitUpdate,
    async (cmd) => {
      const workflowId = monitoringVisitWorkflowId(state.programmeId, cmd.number);
      const result = await apply(visitScheduledEvent(cmd, workflowId, Date.now()));
      const child = await startChild('monitoringVisitWorkflow', {
        workflowId,
        args: [{ programmeId: state.programmeId, onsCode: state.onsCode, authorityName: state.authorityName, number: cmd.number, theme: cmd.theme, plannedStartOn: cmd.plannedStartOn }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
      openChildren += 1;
      void child.result().then(
        (r: MonitoringVisitResult | undefined) => apply(visitClosedEvent(cmd.number, r, Date.now())),
        () => apply(visitClosedEvent(cmd.number, null, Date.now())),
      ).finally(() => { openChildren -= 1; });
      return result;
    },
    { validator: (cmd: Parameters<typeof visitScheduledEvent>[0]) => validate(cmd, visitScheduledEvent(cmd, 'probe', Date.now())) },
  );

  // A fresh programme's KPI-return Schedule, beside its first projection (idempotent; a continued
  // run already has it). Older versions left it to the API, which made every create wait for it.
  const kpiSchedule = !args.carried && patched(KPI_SCHEDULE_PATCH);
  await Promise.all([
    projectProgramme(state),
    kpiSchedule ? ensureSchedule(kpiReturnScheduleOptions(state.programmeId, workflowInfo().taskQueue)) : undefined,
  ]);
  if (!ladders) return legacyClockLoop();

  while (state.phase !== 'closed') {
    if (shouldContinueAsNew(args) && openChildren === 0) {
      await condition(allHandlersFinished);
      if (openChildren === 0) await continueAsNew<typeof legacyProgrammeWorkflow>({ ...args, carried: state });
    }
    const next = nextProgrammeStep(args, state);
    const seen = state.version;
    if (!next) {
      await condition(() => state.version !== seen || shouldContinueAsNew(args));
      continue;
    }
    const changed = await condition(() => state.version !== seen, Math.max(1, next.fireAt - Date.now()));
    if (changed || Date.now() < next.fireAt) continue;
    const moot = isMootStep(next, Date.now());
    if (!moot) {
      await recordEscalation({
        id: escalationId(state.programmeId, next.ladder.id, `${next.step.id}@${next.clock.startedOn}`, state.cycle),
        workflowId: workflowInfo().workflowId,
        programmeId: state.programmeId,
        subjectKind: 'programme',
        subjectId: state.programmeId,
        subjectTitle: `${state.authorityName}: ${next.clock.label}`,
        ladderId: next.ladder.id,
        stepId: next.step.id,
        kind: next.step.kind,
        level: next.step.level,
        label: next.step.label,
        dueOn: next.clock.dueOn,
        fireAt: next.fireAt,
        firedAt: Date.now(),
      });
    }
    await apply(ladderStepFiredEvent(next, moot, Date.now()));
  }
  await condition(allHandlersFinished);
  return state;

  /** Version 1: sleep until the earliest running deadline and mark it passed. Kept for old histories. */
  async function legacyClockLoop(): Promise<TProgrammeState> {
    while (state.phase !== 'closed') {
      const due = legacyNextDeadline(state);
      const seen = state.version;
      if (!due) {
        await condition(() => state.version !== seen);
        continue;
      }
      const changed = await condition(() => state.version !== seen, Math.max(1, due.dueAt - Date.now()));
      if (!changed && Date.now() >= due.dueAt) await apply(clockElapsedEvent(due.name, Date.now()));
    }
    return state;
  }
}

function shouldContinueAsNew(args: ProgrammeWorkflowArgs): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || (args.continueAsNewAfterEvents !== undefined && info.historyLength >= args.continueAsNewAfterEvents);
}
