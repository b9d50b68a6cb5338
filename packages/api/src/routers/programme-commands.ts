/**
 * Programme commands: each parses its shared zod schema, authorises, then sends the matching
 * workflow Update with the client request id as the Update id (a retried command has one effect).
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
  type ProgrammeView,
} from '@ip/workflows/definitions';
import type { TRole } from '@ip/domain';
import { MANAGERS, procedure } from '../trpc.js';
import { toProgrammeRecord } from './programme-record.js';
import { sendUpdate } from './workflow-support.js';

type CommandInput = { programmeId: string; clientRequestId: string; reason: string };

type Payload<S extends z.ZodType<CommandInput>> = Omit<z.infer<S>, 'programmeId' | 'clientRequestId'>;

/** The schema's payload must carry what the Update needs: checked at compile time for each command. */
function programmeCommand<S extends z.ZodType<CommandInput>, A extends HumanCommand>(
  schema: S & (Payload<S> extends Omit<A, 'actor'> ? unknown : never),
  update: UpdateDefinition<unknown, [A], string>,
  roles: readonly TRole[] = MANAGERS,
) {
  return procedure(roles)
    .input(schema)
    .mutation(async ({ ctx, input }) => {
      const { programmeId, clientRequestId, reason, ...payload } = input as CommandInput & Record<string, unknown>;
      await sendUpdate(ctx, programmeId, update as UpdateDefinition<unknown, [unknown], string>, clientRequestId,
        { ...payload, reason, actor: { userId: ctx.user.id, role: ctx.user.role, name: ctx.user.name } },
        { notFound: `No programme with id ${programmeId}`, closed: 'This programme has closed: nothing more can be recorded against it' });
      const row = await ctx.prisma.programme.findUniqueOrThrow({ where: { id: programmeId }, include: { authority: true } });
      return { data: toProgrammeRecord(row, ctx.now()) };
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
