/**
 * Programme commands: each parses its shared zod schema, authorises, then sends the matching
 * workflow Update with an Update id derived from the client request id, once per request id
 * (receipts.ts: a retried command has one effect and gets the first answer).
 * A rejection by the workflow's validator comes back as PRECONDITION_FAILED with its reason.
 */
import type { z } from 'zod';
import type { UpdateDefinition } from '@temporalio/client';
import {
  ZConfigureProgrammeInput,
  ZCompleteMilestoneInput,
  ZPublishReportInput,
  ZRecordEngagementMeetingInput,
  ZRecordFocusedVisitInput,
  ZRecordInspectionInput,
  ZRecordPlanResponseInput,
  ZRecordReinspectionInput,
  ZScheduleMonitoringVisitInput,
  ZSubmitPlanInput,
} from '@ip/domain';
import {
  configureProgrammeUpdate,
  completeMilestoneUpdate,
  publishReportUpdate,
  recordEngagementMeetingUpdate,
  recordFocusedVisitUpdate,
  recordInspectionUpdate,
  recordPlanResponseUpdate,
  recordReinspectionUpdate,
  scheduleMonitoringVisitUpdate,
  submitPlanUpdate,
  type HumanCommand,
  type UpdateReply,
} from '@ip/workflows/definitions';
import type { TRole } from '@ip/domain';
import { MANAGERS, procedure } from '../trpc.js';
import { toProgrammeRecord } from './programme-record.js';
import { actorOf, updateCommand } from './workflow-support.js';

type CommandInput = { programmeId: string; clientRequestId: string; reason: string };

type Payload<S extends z.ZodType<CommandInput>> = Omit<z.infer<S>, 'programmeId' | 'clientRequestId'>;

/** The schema's payload must carry what the Update needs: checked at compile time for each command. */
function programmeCommand<S extends z.ZodType<CommandInput>, A extends HumanCommand>(
  schema: S & (Payload<S> extends Omit<A, 'actor'> ? unknown : never),
  update: UpdateDefinition<UpdateReply, [A], string>,
  roles: readonly TRole[] = MANAGERS,
) {
  return procedure(roles)
    .input(schema)
    .mutation(({ ctx, input, path }) => {
      const { programmeId, clientRequestId: _id, reason, ...payload } = input as CommandInput & Record<string, unknown>;
      const target = {
        workflowId: programmeId,
        update: update as UpdateDefinition<unknown, [unknown], string>,
        arg: { ...payload, reason, actor: actorOf(ctx.user) },
        wording: { notFound: `No programme with id ${programmeId}`, closed: 'This programme has closed' },
      };
      return updateCommand(ctx, { path, input }, target, async () => {
        const row = await ctx.prisma.programme.findUniqueOrThrow({ where: { id: programmeId }, include: { authority: true } });
        return { data: toProgrammeRecord(row, ctx.now()) };
      });
    });
}

export const programmeCommands = {
  recordInspection: programmeCommand(ZRecordInspectionInput, recordInspectionUpdate),
  publishReport: programmeCommand(ZPublishReportInput, publishReportUpdate),
  completeMilestone: programmeCommand(ZCompleteMilestoneInput, completeMilestoneUpdate),
  submitPlan: programmeCommand(ZSubmitPlanInput, submitPlanUpdate),
  recordPlanResponse: programmeCommand(ZRecordPlanResponseInput, recordPlanResponseUpdate),
  scheduleMonitoringVisit: programmeCommand(ZScheduleMonitoringVisitInput, scheduleMonitoringVisitUpdate),
  recordReinspection: programmeCommand(ZRecordReinspectionInput, recordReinspectionUpdate),
  recordFocusedVisit: programmeCommand(ZRecordFocusedVisitInput, recordFocusedVisitUpdate),
  recordEngagementMeeting: programmeCommand(ZRecordEngagementMeetingInput, recordEngagementMeetingUpdate),
  /** Admin only: escalation ladders and calendar overrides for this programme, from now on. */
  configure: programmeCommand(ZConfigureProgrammeInput, configureProgrammeUpdate, ['admin']),
};
