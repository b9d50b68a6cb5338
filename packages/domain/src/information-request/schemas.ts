/**
 * Committee information requests (BRIEF (c) InfoRequest; seed 001: "churn explanation by mid-April
 * 2019"). One zod schema per concept: the workflow's args and Update payloads, and the API inputs
 * derived from them with ZCommandMeta (clientRequestId + reason).
 */
import { z } from 'zod';
import { ZIsoDate } from '../calendar/index.js';
import { ZLadder } from '../escalation/index.js';
import { ZActor, ZCommandMeta } from '../schemas/common.js';
import { ZOnsCode } from '../schemas/programme.js';
import { ZLifecycleUpdateMeta } from '../ladder-clock/schemas.js';

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

/** Update `answer`: the answer went to the requester on `answeredOn`. */
export const ZAnswerInformationRequest = z.object({
  answeredOn: ZIsoDate,
  summary: z.string().trim().min(3, 'Summarise the answer').max(5000),
});
/** Update `extendDueDate`: the requester agreed a later date. */
export const ZExtendInformationRequest = z.object({ newDueOn: ZIsoDate });

export const ZAnswerInformationRequestUpdate = ZAnswerInformationRequest.extend(ZLifecycleUpdateMeta.shape);
export type TAnswerInformationRequestUpdate = z.infer<typeof ZAnswerInformationRequestUpdate>;
export const ZExtendInformationRequestUpdate = ZExtendInformationRequest.extend(ZLifecycleUpdateMeta.shape);
export type TExtendInformationRequestUpdate = z.infer<typeof ZExtendInformationRequestUpdate>;
/** Update `withdraw`: the requester no longer needs the answer (actor and reason only). */
export const ZWithdrawInformationRequestUpdate = ZLifecycleUpdateMeta;
export type TWithdrawInformationRequestUpdate = z.infer<typeof ZWithdrawInformationRequestUpdate>;

/** API inputs (tRPC): the command meta plus the workflow's id where one is addressed. */
export const ZCreateInformationRequestInput = ZCommandMeta.extend(ZInformationRequestFields.shape).superRefine(dueAfterRequest);
export type TCreateInformationRequestInput = z.infer<typeof ZCreateInformationRequestInput>;
const ZRequestRef = z.object({ requestId: z.string().min(1) });
export const ZAnswerInformationRequestInput = ZCommandMeta.extend(ZRequestRef.shape).extend(ZAnswerInformationRequest.shape);
export type TAnswerInformationRequestInput = z.infer<typeof ZAnswerInformationRequestInput>;
export const ZExtendInformationRequestInput = ZCommandMeta.extend(ZRequestRef.shape).extend(ZExtendInformationRequest.shape);
export type TExtendInformationRequestInput = z.infer<typeof ZExtendInformationRequestInput>;
export const ZWithdrawInformationRequestInput = ZCommandMeta.extend(ZRequestRef.shape);
export type TWithdrawInformationRequestInput = z.infer<typeof ZWithdrawInformationRequestInput>;
