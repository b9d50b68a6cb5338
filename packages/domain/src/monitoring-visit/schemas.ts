/**
 * Monitoring visits of an inadequate authority (BRIEF (a) MONITORING(n); (c) MonitoringVisit). One
 * schema per concept: the workflow's args, and each command's zod half (its body, Update payload and
 * API input) keyed as the declarations (./declarations.ts).
 */
import { z } from 'zod';
import { ZIsoDate } from '../calendar/index.js';
import { ZLadder } from '../escalation/index.js';
import { ZOnsCode } from '../schemas/programme.js';
import { declaredCommandSchemas } from '../commands/schemas.js';
import { MONITORING_VISIT_COMMANDS, type TMonitoringVisitCommandName } from './declarations.js';

const text = (min: number, max: number, msg?: string) => z.string().trim().min(min, msg).max(max);

/** Started by the programme workflow as a child, one per visit. `ladder` overrides the new-actions ladder. */
export const ZMonitoringVisitArgs = z.object({
  programmeId: z.string().min(1),
  onsCode: ZOnsCode,
  authorityName: text(2, 200),
  number: z.number().int().min(1, 'Visits are numbered from 1').max(20),
  theme: text(2, 200, 'Give the visit theme, e.g. "children in care"'),
  plannedStartOn: ZIsoDate,
  ladder: ZLadder.optional(),
});
export type TMonitoringVisitArgs = z.infer<typeof ZMonitoringVisitArgs>;
export type TMonitoringVisitArgsInput = z.input<typeof ZMonitoringVisitArgs>;

/** MV letters are narrative and ungraded [S11]: what Ofsted saw improving and what still needs to. */
export const ZMonitoringVisitFindings = z
  .object({
    areasOfProgress: z.array(text(3, 2000)).max(50),
    areasForImprovement: z.array(text(3, 2000)).max(50),
  })
  .refine((f) => f.areasOfProgress.length + f.areasForImprovement.length > 0, 'Record at least one finding from the letter');
export type TMonitoringVisitFindings = z.infer<typeof ZMonitoringVisitFindings>;

const fieldworkFields = z.object({
  startedOn: ZIsoDate,
  endedOn: ZIsoDate,
  inspectors: z.array(text(2, 200)).min(1, 'Name at least one inspector').max(10),
});
const endsAfterStart = (v: { startedOn: string; endedOn: string }, ctx: z.RefinementCtx) => {
  if (v.endedOn < v.startedOn) ctx.addIssue({ code: 'custom', path: ['endedOn'], message: 'Fieldwork cannot end before it starts' });
};
const draftFields = z.object({ receivedOn: ZIsoDate });
const correctionFields = z.object({ sentOn: ZIsoDate, note: text(3, 5000, 'Summarise the corrections sent') });
const publishFields = z.object({ publishedOn: ZIsoDate, findings: ZMonitoringVisitFindings });
const newActionFields = z.object({
  actionRefs: z.array(text(1, 100)).min(1, 'List the plan actions created from the letter').max(100),
});

// ---- the zod half of each command's declaration (./declarations.ts) -----------------------------------

/** Which visit (programme + number, see monitoringVisitWorkflowId): the API's inputs name it, the Update does not. */
const ZVisitRef = z.object({ programmeId: z.string().min(1), number: z.number().int().min(1, 'Visits are numbered from 1').max(20) });
/** Update `cancelVisit`: actor and reason only. */
const ZEmptyBody = z.object({});

/**
 * A command's body, the API's input (command meta + which visit + body) and the Update payload
 * (body + actor + reason), each with the body's rule over several fields when it has one.
 */
const commandSchemas = declaredCommandSchemas(ZVisitRef);

/**
 * Each visit command's fields with their messages, keyed as MONITORING_VISIT_COMMANDS
 * (./declarations.ts): `input` is the API procedure's `.input()` and the console dialog's validation,
 * `payload` what the Update carries. A command declared there without an entry here (or the reverse)
 * does not compile.
 */
export const ZMonitoringVisitCommands = {
  recordFieldwork: commandSchemas(fieldworkFields, endsAfterStart),
  recordDraftLetter: commandSchemas(draftFields),
  submitAccuracyCorrections: commandSchemas(correctionFields),
  publishLetter: commandSchemas(publishFields),
  confirmNewActionsCreated: commandSchemas(newActionFields),
  cancelVisit: commandSchemas(ZEmptyBody),
} satisfies Record<TMonitoringVisitCommandName, unknown>;
// The reverse direction: no schema for a command that is not declared.
const _declared: Record<keyof typeof ZMonitoringVisitCommands, unknown> = MONITORING_VISIT_COMMANDS;
void _declared;

/** The fields one command adds to actor + reason (what its event carries). */
export type TMonitoringVisitCommandBody<K extends TMonitoringVisitCommandName> =
  NoFields<z.infer<(typeof ZMonitoringVisitCommands)[K]['body']>>;
/** zod infers an empty object as Record<string, never>, which no event with a `type` would satisfy. */
type NoFields<T> = string extends keyof T ? unknown : T;
/** The payload type of one visit Update. */
export type TMonitoringVisitCommandPayload<K extends TMonitoringVisitCommandName> =
  z.input<(typeof ZMonitoringVisitCommands)[K]['payload']>;

/** Update payloads. */
export const ZRecordFieldworkUpdate = ZMonitoringVisitCommands.recordFieldwork.payload;
export type TRecordFieldworkUpdate = z.infer<typeof ZRecordFieldworkUpdate>;
export const ZRecordDraftLetterUpdate = ZMonitoringVisitCommands.recordDraftLetter.payload;
export type TRecordDraftLetterUpdate = z.infer<typeof ZRecordDraftLetterUpdate>;
export const ZSubmitAccuracyCorrectionsUpdate = ZMonitoringVisitCommands.submitAccuracyCorrections.payload;
export type TSubmitAccuracyCorrectionsUpdate = z.infer<typeof ZSubmitAccuracyCorrectionsUpdate>;
export const ZPublishLetterUpdate = ZMonitoringVisitCommands.publishLetter.payload;
export type TPublishLetterUpdate = z.infer<typeof ZPublishLetterUpdate>;
export const ZConfirmNewActionsUpdate = ZMonitoringVisitCommands.confirmNewActionsCreated.payload;
export type TConfirmNewActionsUpdate = z.infer<typeof ZConfirmNewActionsUpdate>;
export const ZCancelVisitUpdate = ZMonitoringVisitCommands.cancelVisit.payload;
export type TCancelVisitUpdate = z.infer<typeof ZCancelVisitUpdate>;

/** API inputs: which visit (programme + number, see monitoringVisitWorkflowId), plus the command meta. */
export const ZRecordFieldworkInput = ZMonitoringVisitCommands.recordFieldwork.input;
export type TRecordFieldworkInput = z.infer<typeof ZRecordFieldworkInput>;
export const ZRecordDraftLetterInput = ZMonitoringVisitCommands.recordDraftLetter.input;
export type TRecordDraftLetterInput = z.infer<typeof ZRecordDraftLetterInput>;
export const ZSubmitAccuracyCorrectionsInput = ZMonitoringVisitCommands.submitAccuracyCorrections.input;
export type TSubmitAccuracyCorrectionsInput = z.infer<typeof ZSubmitAccuracyCorrectionsInput>;
export const ZPublishLetterInput = ZMonitoringVisitCommands.publishLetter.input;
export type TPublishLetterInput = z.infer<typeof ZPublishLetterInput>;
export const ZConfirmNewActionsInput = ZMonitoringVisitCommands.confirmNewActionsCreated.input;
export type TConfirmNewActionsInput = z.infer<typeof ZConfirmNewActionsInput>;
export const ZCancelVisitInput = ZMonitoringVisitCommands.cancelVisit.input;
export type TCancelVisitInput = z.infer<typeof ZCancelVisitInput>;
