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
import {
  MONITORING_VISIT_COMMAND_NAMES,
  MONITORING_VISIT_COMMANDS,
  ZMonitoringVisitCommands,
  ZMonitoringVisitState,
} from '@ip/domain';
import { MONITORING_VISIT_UPDATES, monitoringVisitWorkflowId } from '@ip/workflows/definitions';
import { router } from '../trpc.js';
import { lifecycleReads, readLifecycleRecord } from './lifecycle-record.js';
import { declaredCommandProcedures } from './declared-commands.js';

const NOUN = 'monitoring visit';
const reads = lifecycleReads({ kind: 'monitoring_visit', parse: (s) => ZMonitoringVisitState.parse(s), finalPhases: ['closed', 'cancelled'], noun: NOUN });
export type MonitoringVisitRecord = ReturnType<typeof reads.toRecord>;

/** One procedure per declared command, under the command's name (monitoringVisits.recordFieldwork, ...). */
const visitCommands = declaredCommandProcedures({
  names: MONITORING_VISIT_COMMAND_NAMES,
  declarations: MONITORING_VISIT_COMMANDS,
  schemas: ZMonitoringVisitCommands,
  updates: MONITORING_VISIT_UPDATES,
  address: ['programmeId', 'number'],
  target: ({ programmeId, number }) => ({
    workflowId: monitoringVisitWorkflowId(String(programmeId), Number(number)),
    wording: {
      notFound: `Monitoring visit ${Number(number)} of ${String(programmeId)} has not been scheduled`,
      closed: `Monitoring visit ${Number(number)} is closed (its follow-up is done, or it was cancelled)`,
    },
  }),
  read: (ctx, id) => readLifecycleRecord(ctx, reads, id, NOUN),
});

export const monitoringVisitsRouter = router({
  ...reads.procedures,
  ...visitCommands,
});
