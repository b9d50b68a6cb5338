/**
 * Ofsted monitoring visits (LifecycleRecord kind 'monitoring_visit'). The programme workflow starts
 * each visit as a child (`programmes.scheduleMonitoringVisit`); here the visit is read and driven:
 * fieldwork → draft letter → accuracy corrections → published letter → new actions confirmed, or
 * cancelled. Each command names its visit by programme and number (monitoringVisitWorkflowId) and
 * is one Update keyed by the client request id, once per request id (receipts.ts).
 *
 * The commands are generated from their declarations (domain monitoring-visit/declarations.ts), as
 * the action's are: one procedure per command, open to the declared roles, parsing the command's zod
 * input (ZMonitoringVisitCommands), then sending the declared Update.
 */
import type { UpdateDefinition } from '@temporalio/client';
import {
  MONITORING_VISIT_COMMAND_NAMES,
  MONITORING_VISIT_COMMANDS,
  ZMonitoringVisitCommands,
  ZMonitoringVisitState,
  type TMonitoringVisitCommandName,
} from '@ip/domain';
import { MONITORING_VISIT_UPDATES, monitoringVisitWorkflowId } from '@ip/workflows/definitions';
import { procedure, router } from '../trpc.js';
import { lifecycleReads, readLifecycleRecord } from './lifecycle-record.js';
import { actorOf, updateCommand } from './workflow-support.js';

const NOUN = 'monitoring visit';
const reads = lifecycleReads({ kind: 'monitoring_visit', parse: (s) => ZMonitoringVisitState.parse(s), finalPhases: ['closed', 'cancelled'], noun: NOUN });
export type MonitoringVisitRecord = ReturnType<typeof reads.toRecord>;

type CommandInput = { programmeId: string; number: number; clientRequestId: string; reason: string };
type Input<K extends TMonitoringVisitCommandName> = (typeof ZMonitoringVisitCommands)[K]['input'];

/** The procedure of one declared command: the Update carries actor, reason and the command's own fields. */
function visitCommand<K extends TMonitoringVisitCommandName>(name: K) {
  const update = MONITORING_VISIT_UPDATES[name] as UpdateDefinition<unknown, [unknown], string>;
  return procedure(MONITORING_VISIT_COMMANDS[name].roles)
    .input(ZMonitoringVisitCommands[name].input as Input<K>)
    .mutation(({ ctx, input, path }) => {
      const { programmeId, number, clientRequestId: _id, reason, ...body } = input as unknown as CommandInput & Record<string, unknown>;
      const id = monitoringVisitWorkflowId(programmeId, number);
      const target = {
        workflowId: id,
        update,
        arg: { actor: actorOf(ctx.user), reason, ...body },
        wording: {
          notFound: `Monitoring visit ${number} of ${programmeId} has not been scheduled`,
          closed: `Monitoring visit ${number} is closed (its follow-up is done, or it was cancelled)`,
        },
      };
      return updateCommand(ctx, { path, input }, target, () => readLifecycleRecord(ctx, reads, id, NOUN));
    });
}

/** One procedure per declared command, under the command's name (monitoringVisits.recordFieldwork, ...). */
const visitCommands = Object.fromEntries(MONITORING_VISIT_COMMAND_NAMES.map((name) => [name, visitCommand(name)])) as {
  [K in TMonitoringVisitCommandName]: ReturnType<typeof visitCommand<K>>;
};

export const monitoringVisitsRouter = router({
  ...reads.procedures,
  ...visitCommands,
});
