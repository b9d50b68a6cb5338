/**
 * whatIf.*: "what if it slips", for an action or a programme's statutory clock. Read only, for
 * every signed-in role (auditors included): the future is computed, nothing is sent to a workflow
 * and nothing is written.
 *
 * One source of truth: the state is rebuilt from the workflow's own history (the audit folds), the
 * change is the event the workflow's Update handler would make of it, and time passes through the
 * machine the workflow runs (@ip/workflows/what-if), with the recipients the delivery module would
 * plan (@ip/activities). See the README's "What if it slips".
 */
import { TRPCError } from '@trpc/server';
import { formatLongDate, LifecycleRejection, londonDateOf, ZActionWhatIfInput, ZClockWhatIfInput } from '@ip/domain';
import { actionWhatIf, clockWhatIf, type PredictedStep } from '@ip/workflows/what-if';
import type { Context } from '../context.js';
import { fieldError, toUserError } from '../errors.js';
import { procedure, READERS, router } from '../trpc.js';
import { foldAction } from '../audit/action-fold.js';
import { isMachineRun } from '../audit/machine-fold.js';
import { foldProgramme } from '../audit/programme-fold.js';
import type { WorkflowHistory } from '../audit/history-source.js';
import { historySourceOf } from '../audit/source-of.js';
import { notFound } from '../routers/register-support.js';
import { actionFigures } from './figures.js';
import { recipientsOfSteps, type StepWithRecipients } from './recipients.js';

/** Input fields a refusal may name ("change.newDueOn: …"): shown against the field. */
const FIELDS = ['clock', 'change.newDueOn', 'change.doneOn', 'change.workingDays'];

/** A change the workflow would refuse: BAD_REQUEST on the field it names, else PRECONDITION_FAILED with its reason. */
function refused(err: unknown): never {
  if (!(err instanceof LifecycleRejection)) throw err;
  const m = /^([\w.]+): (.*)$/s.exec(err.message);
  if (m && FIELDS.includes(m[1]!)) throw fieldError(m[1]!.split('.'), m[2]!);
  throw new TRPCError({ code: 'PRECONDITION_FAILED', message: `If that were asked now, it would be refused: ${err.message}` });
}

async function historyOf(ctx: Context, workflowId: string, what: string): Promise<WorkflowHistory> {
  try {
    return await historySourceOf(ctx).fetch(workflowId);
  } catch (err) {
    throw toUserError(err, { notFound: `No history for ${what} ${workflowId}` });
  }
}

/** Notes that qualify a prediction: a stopped workflow, or one still on its first version's code. */
function notesOf(history: WorkflowHistory, stopped: { stoppedAt: Date | null; stoppedReason: string | null } | null): string[] {
  const notes: string[] = [];
  if (stopped?.stoppedAt) {
    notes.push(`This workflow has stopped (${stopped.stoppedReason ?? 'no reason given'}): nothing fires until an admin restarts it. The prediction is what it would do once restarted.`);
  }
  const last = history.runs.at(-1);
  if (last && !isMachineRun(last)) {
    notes.push('This workflow still runs the first version of its code; it moves to the current rules when it next continues as new. The prediction uses the current rules.');
  }
  return notes;
}

const stepsOf = (steps: readonly PredictedStep[], withRecipients: (s: PredictedStep) => StepWithRecipients) => steps.map(withRecipients);

export const whatIfRouter = router({
  /**
   * An action: every reminder and escalation that would fire (when, to whom, at which level), its
   * RAG week by week and the programme figures that would move, as it stands and, for a new due
   * date, with the extension approved now (what that stops, starts and moves).
   */
  action: procedure(READERS)
    .input(ZActionWhatIfInput)
    .query(async ({ ctx, input }) => {
      const row = await ctx.prisma.action.findUnique({ where: { id: input.actionId }, select: { id: true, programmeId: true, workstream: true, stoppedAt: true, stoppedReason: true } });
      if (!row) throw notFound('action', input.actionId);
      const history = await historyOf(ctx, input.actionId, 'action');
      const fold = foldAction(history);
      if (!fold.state || !fold.args) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'The action’s history holds no state to start from' });
      const state = fold.state;
      const now = Math.max(ctx.now(), fold.lastAt ?? 0);
      if (input.change.kind === 'extension') {
        if (input.change.newDueOn <= state.dueOn) throw fieldError(['change', 'newDueOn'], `Choose a date after the current due date, ${formatLongDate(state.dueOn)}`);
        if (input.change.newDueOn < londonDateOf(now)) throw fieldError(['change', 'newDueOn'], 'That date has already passed');
      }
      let whatIf;
      try {
        whatIf = actionWhatIf({ state, args: fold.args, workflowId: input.actionId, now, change: input.change, horizonWorkingDays: input.horizonWorkingDays });
      } catch (err) {
        refused(err);
      }
      const all = [...whatIf.asItStands.steps, ...(whatIf.withChange?.steps ?? [])];
      const withRecipients = await recipientsOfSteps(ctx.prisma, { programmeId: row.programmeId, subjectKind: 'action', subjectId: row.id }, all);
      const figures = await actionFigures(ctx.prisma, {
        programmeId: row.programmeId, actionId: row.id, workstream: state.workstream, whatIf, calendarOverrides: fold.args.calendarOverrides,
      });
      const scenario = (s: NonNullable<typeof whatIf.withChange>) => ({ ...s, steps: stepsOf(s.steps, withRecipients) });
      const asItStands = scenario(whatIf.asItStands);
      const withChange = whatIf.withChange ? scenario(whatIf.withChange) : null;
      const c = whatIf.comparison;
      return {
        data: {
          kind: 'action' as const,
          actionId: row.id,
          programmeId: row.programmeId,
          title: state.title,
          status: state.status,
          dueOn: state.dueOn,
          pendingExtensionTo: state.pendingExtension?.newDueOn ?? null,
          change: input.change,
          asAt: whatIf.asAt,
          until: whatIf.until,
          horizonWorkingDays: whatIf.horizonWorkingDays,
          asItStands,
          withChange,
          comparison: c ? {
            stops: stepsOf(c.stops, withRecipients), starts: stepsOf(c.starts, withRecipients), unchanged: stepsOf(c.unchanged, withRecipients),
            moves: c.moves.map((m) => ({ from: withRecipients(m.from), to: withRecipients(m.to) })),
          } : null,
          boardExceptions: {
            asItStands: asItStands.steps.filter((s) => s.boardException),
            withChange: withChange ? withChange.steps.filter((s) => s.boardException) : null,
          },
          figures,
          notes: [...notesOf(history, row), ...figures.notes],
        },
      };
    }),

  /**
   * A programme's statutory clock: what fires if what it waits for (the plan submitted, the report
   * published, a milestone done) is done on a later date, or not at all, against done on time.
   */
  clock: procedure(READERS)
    .input(ZClockWhatIfInput)
    .query(async ({ ctx, input }) => {
      const row = await ctx.prisma.programme.findUnique({ where: { id: input.programmeId }, select: { id: true, stoppedAt: true, stoppedReason: true } });
      if (!row) throw notFound('programme', input.programmeId);
      const history = await historyOf(ctx, input.programmeId, 'programme');
      const fold = foldProgramme(history);
      if (!fold.state || !fold.args) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'The programme’s history holds no state to start from' });
      const now = Math.max(ctx.now(), fold.lastAt ?? 0);
      let whatIf;
      try {
        whatIf = clockWhatIf({ state: fold.state, args: fold.args, now, clock: input.clock, change: input.change, horizonWorkingDays: input.horizonWorkingDays });
      } catch (err) {
        refused(err);
      }
      const withRecipients = await recipientsOfSteps(ctx.prisma, { programmeId: row.id, subjectKind: 'programme', subjectId: row.id }, [...whatIf.onTime.steps, ...whatIf.slipped.steps]);
      const onTime = { ...whatIf.onTime, steps: stepsOf(whatIf.onTime.steps, withRecipients) };
      const slipped = { ...whatIf.slipped, steps: stepsOf(whatIf.slipped.steps, withRecipients) };
      const c = whatIf.comparison;
      return {
        data: {
          kind: 'clock' as const,
          programmeId: row.id,
          authorityName: fold.state.authorityName,
          clock: whatIf.clock,
          change: input.change,
          asAt: whatIf.asAt,
          until: whatIf.until,
          horizonWorkingDays: whatIf.horizonWorkingDays,
          onTime,
          slipped,
          comparison: {
            stops: stepsOf(c.stops, withRecipients), starts: stepsOf(c.starts, withRecipients), unchanged: stepsOf(c.unchanged, withRecipients),
            moves: c.moves.map((m) => ({ from: withRecipients(m.from), to: withRecipients(m.to) })),
          },
          boardExceptions: { onTime: onTime.steps.filter((s) => s.boardException), slipped: slipped.steps.filter((s) => s.boardException) },
          notes: notesOf(history, row),
        },
      };
    }),
});
