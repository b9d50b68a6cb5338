/**
 * Committee information requests (BRIEF (c) InfoRequest; seed 001: "churn explanation by mid-April
 * 2019"). One zod schema per concept: the workflow's args, and each command's zod half (its body,
 * Update payload and API input) keyed as the declarations (./declarations.ts).
 */
import { z } from 'zod';
import { ZIsoDate } from '../calendar/index.js';
import { ZLadder } from '../escalation/index.js';
import { ZActor, ZCommandMeta } from '../schemas/common.js';
import { ZOnsCode } from '../schemas/programme.js';
import { declaredCommandSchemas } from '../commands/schemas.js';
import { INFORMATION_REQUEST_COMMANDS, type TInformationRequestCommandName } from './declarations.js';

/** Who asked: a committee (scrutiny, improvement board) or a named person (e.g. a councillor). */
export const ZInformationRequester = z.object({
  kind: z.enum(['committee', 'person']),
  name: z.string().trim().min(2, 'Name the committee or person who asked').max(200),
});
export type TInformationRequester = z.infer<typeof ZInformationRequester>;

/** What the request is about and when the answer is due. */
export const ZInformationRequestFields = z.object({
  programmeId: z.string().min(1).optional(),
  onsCode: ZOnsCode,
  requester: ZInformationRequester,
  subject: z.string().trim().min(3, 'Say what was asked for').max(500),
  /** When the committee asked; defaults to the day the request is recorded. */
  requestedOn: ZIsoDate.optional(),
  dueOn: ZIsoDate,
});

function dueAfterRequest(v: { requestedOn?: string | undefined; dueOn: string }, ctx: z.RefinementCtx): void {
  if (v.requestedOn && v.dueOn < v.requestedOn) {
    ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'The answer cannot be due before the request was made' });
  }
}

/** Arguments of informationRequestWorkflow. `ladder` defaults to DEFAULT_INFO_REQUEST_LADDER. */
export const ZInformationRequestArgs = ZInformationRequestFields.extend({
  ladder: ZLadder.optional(),
  /** Who recorded the request (absent when another workflow starts it). */
  actor: ZActor.optional(),
  reason: z.string().trim().max(2000).optional(),
}).superRefine(dueAfterRequest);
export type TInformationRequestArgs = z.infer<typeof ZInformationRequestArgs>;
export type TInformationRequestArgsInput = z.input<typeof ZInformationRequestArgs>;

// ---- the zod half of each command's declaration (./declarations.ts) -----------------------------------

/** Update `answer`: the answer went to the requester on `answeredOn`. */
export const ZAnswerInformationRequest = z.object({
  answeredOn: ZIsoDate,
  summary: z.string().trim().min(3, 'Summarise the answer').max(5000),
});
/** Update `extendDueDate`: the requester agreed a later date. */
export const ZExtendInformationRequest = z.object({ newDueOn: ZIsoDate });
/** Update `withdraw`: the requester no longer needs the answer (actor and reason only). */
const ZEmptyBody = z.object({});

const ZRequestRef = z.object({ requestId: z.string().min(1) });

/** A command's body, the API's input (command meta + requestId + body) and the Update payload (body + actor + reason). */
const commandSchemas = declaredCommandSchemas(ZRequestRef);

/**
 * Each information-request command's fields with their messages, keyed as INFORMATION_REQUEST_COMMANDS
 * (./declarations.ts): `input` is the API procedure's `.input()` and the console dialog's validation,
 * `payload` what the Update carries. A command declared there without an entry here (or the reverse)
 * does not compile.
 */
export const ZInformationRequestCommands = {
  answer: commandSchemas(ZAnswerInformationRequest),
  extendDueDate: commandSchemas(ZExtendInformationRequest),
  withdraw: commandSchemas(ZEmptyBody),
} satisfies Record<TInformationRequestCommandName, unknown>;
// The reverse direction: no schema for a command that is not declared.
const _declared: Record<keyof typeof ZInformationRequestCommands, unknown> = INFORMATION_REQUEST_COMMANDS;
void _declared;

/** The fields one command adds to actor + reason (what its event carries). */
export type TInformationRequestCommandBody<K extends TInformationRequestCommandName> =
  NoFields<z.infer<(typeof ZInformationRequestCommands)[K]['body']>>;
/** zod infers an empty object as Record<string, never>, which no event with a `type` would satisfy. */
type NoFields<T> = string extends keyof T ? unknown : T;
/** The payload type of one information-request Update. */
export type TInformationRequestCommandPayload<K extends TInformationRequestCommandName> =
  z.input<(typeof ZInformationRequestCommands)[K]['payload']>;

export const ZAnswerInformationRequestUpdate = ZInformationRequestCommands.answer.payload;
export type TAnswerInformationRequestUpdate = z.infer<typeof ZAnswerInformationRequestUpdate>;
export const ZExtendInformationRequestUpdate = ZInformationRequestCommands.extendDueDate.payload;
export type TExtendInformationRequestUpdate = z.infer<typeof ZExtendInformationRequestUpdate>;
export const ZWithdrawInformationRequestUpdate = ZInformationRequestCommands.withdraw.payload;
export type TWithdrawInformationRequestUpdate = z.infer<typeof ZWithdrawInformationRequestUpdate>;

/** API inputs (tRPC): the command meta plus the workflow's id where one is addressed. */
export const ZCreateInformationRequestInput = ZCommandMeta.extend(ZInformationRequestFields.shape).superRefine(dueAfterRequest);
export type TCreateInformationRequestInput = z.infer<typeof ZCreateInformationRequestInput>;
export const ZAnswerInformationRequestInput = ZInformationRequestCommands.answer.input;
export type TAnswerInformationRequestInput = z.infer<typeof ZAnswerInformationRequestInput>;
export const ZExtendInformationRequestInput = ZInformationRequestCommands.extendDueDate.input;
export type TExtendInformationRequestInput = z.infer<typeof ZExtendInformationRequestInput>;
export const ZWithdrawInformationRequestInput = ZInformationRequestCommands.withdraw.input;
export type TWithdrawInformationRequestInput = z.infer<typeof ZWithdrawInformationRequestInput>;
