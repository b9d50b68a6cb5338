/**
 * Schemas for improvement-plan actions (BRIEF (c) "Action": owner, due date, status, RAG, % done,
 * evidence, links to recommendations, last update). One schema per concept: the API's `.input()`,
 * the workflow's Update payload and the console's form all derive from these.
 *
 * Each command is split into a *body* (the fields the command adds) and the *input* the API accepts
 * (body + ZCommandMeta + actionId). The workflow Update carries body + actor + reason; the API turns
 * `clientRequestId` into the Update id, so a retried command has exactly one effect.
 */
import { z } from 'zod';
import { ZIsoDate } from '../calendar/index.js';
import { ZCommandMeta } from '../schemas/common.js';
import { declaredCommandSchemas } from '../commands/schemas.js';
import { ACTION_COMMANDS, type TActionCommandName } from './declarations.js';

/** The person accountable for delivering the action (often not a user of this system). */
export const ZActionOwner = z.object({
  name: z.string().trim().min(1, 'Give the owner’s name').max(200),
  email: z.email('Enter a valid email address').optional(),
});
export type TActionOwner = z.infer<typeof ZActionOwner>;

/** The owner's own view of progress, which can make the RAG worse but never better (see rag.ts). */
export const ZActionOwnerRag = z.enum(['green', 'amber', 'red']);
export type TActionOwnerRag = z.infer<typeof ZActionOwnerRag>;

/** What an action is: the thing a programme manager types in when adding it to the plan. */
export const ZActionDefinition = z.object({
  programmeId: z.string().min(1),
  title: z.string().trim().min(3, 'Give the action a title of at least 3 characters').max(300),
  description: z.string().trim().max(5000).optional(),
  workstream: z.string().trim().min(1).max(200).optional(),
  owner: ZActionOwner,
  dueOn: ZIsoDate,
  /** Responds to an Ofsted recommendation or finding: adds the +20 WD step to the board chair and DfE. */
  ofstedLinked: z.boolean(),
  recommendationRefs: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
});
export type TActionDefinition = z.infer<typeof ZActionDefinition>;
export type TActionDefinitionInput = z.input<typeof ZActionDefinition>;

const ZActionId = z.string().min(1).max(300);

// ---- command bodies (what each Update adds to actor + reason) -------------------------------------

export const ZActionProgressBody = z.object({
  percentComplete: z.number().int('Whole percentages only').min(0).max(100),
  note: z.string().trim().min(3, 'Say what has been done').max(5000),
  /** The owner's own RAG; omitted means no view given this time (an old view does not linger). */
  ragAssessment: ZActionOwnerRag.optional(),
});
export type TActionProgressBody = z.infer<typeof ZActionProgressBody>;

export const ZActionEvidenceBody = z.object({
  title: z.string().trim().min(3, 'Give the evidence a title').max(300),
  url: z.url('Enter a full link, starting https://').optional(),
  /** A document reference when there is no link, e.g. a case-file audit id or minute number. */
  reference: z.string().trim().min(1).max(300).optional(),
});
export type TActionEvidenceBody = z.infer<typeof ZActionEvidenceBody>;

function linkOrReference(e: { url?: string | undefined; reference?: string | undefined }, ctx: z.RefinementCtx): void {
  // Either field answers it, so the message sits on both.
  if (!e.url && !e.reference) {
    for (const field of ['url', 'reference']) ctx.addIssue({ code: 'custom', path: [field], message: 'Give a link or a document reference' });
  }
}

export const ZActionSignOffBody = z.object({
  /** 'returned' sends it back to the owner as not yet done (evidence insufficient). */
  outcome: z.enum(['signed_off', 'returned']).default('signed_off'),
});
export type TActionSignOffBody = z.infer<typeof ZActionSignOffBody>;

export const ZActionExtensionBody = z.object({
  newDueOn: ZIsoDate,
  justification: z.string().trim().min(10, 'Explain why more time is needed (at least 10 characters)').max(5000),
});
export type TActionExtensionBody = z.infer<typeof ZActionExtensionBody>;

const ZEmptyBody = z.object({});

/** Reassigning the action to another accountable person; who owned it before stays in its history. */
export const ZActionReassignBody = z.object({
  ownerName: ZActionOwner.shape.name,
  ownerEmail: ZActionOwner.shape.email,
});

// ---- the zod half of each command's declaration (./declarations.ts) -----------------------------------

/** A command's body, the API's input (command meta + actionId + body) and the Update payload (actor + reason + body). */
const commandSchemas = declaredCommandSchemas(z.object({ actionId: ZActionId }), 'actor-first');

/**
 * Each action command's fields with their messages, keyed as ACTION_COMMANDS (./declarations.ts):
 * `input` is the API procedure's `.input()` and the console dialog's validation, `payload` what the
 * Update carries. A command declared there without an entry here (or the reverse) does not compile.
 */
export const ZActionCommands = {
  updateProgress: commandSchemas(ZActionProgressBody),
  attachEvidence: commandSchemas(ZActionEvidenceBody, linkOrReference),
  requestSignOff: commandSchemas(ZEmptyBody),
  signOff: commandSchemas(ZActionSignOffBody),
  requestExtension: commandSchemas(ZActionExtensionBody),
  approveExtension: commandSchemas(ZEmptyBody),
  rejectExtension: commandSchemas(ZEmptyBody),
  reassignOwner: commandSchemas(ZActionReassignBody),
  cancel: commandSchemas(ZEmptyBody),
} satisfies Record<TActionCommandName, unknown>;
// The reverse direction: no schema for a command that is not declared.
const _declared: Record<keyof typeof ZActionCommands, unknown> = ACTION_COMMANDS;
void _declared;

/** The fields one command adds to actor + reason (what its event carries). */
export type TActionCommandBody<K extends TActionCommandName> = NoFields<z.infer<(typeof ZActionCommands)[K]['body']>>;
/** zod infers an empty object as Record<string, never>, which no event with a `type` would satisfy. */
type NoFields<T> = string extends keyof T ? unknown : T;

// ---- API inputs -------------------------------------------------------------------------------------

export const ZCreateActionInput = ZCommandMeta.extend(ZActionDefinition.shape);
export type TCreateActionInput = z.infer<typeof ZCreateActionInput>;

export const ZUpdateActionProgressInput = ZActionCommands.updateProgress.input;
export type TUpdateActionProgressInput = z.infer<typeof ZUpdateActionProgressInput>;

export const ZAttachEvidenceInput = ZActionCommands.attachEvidence.input;
export type TAttachEvidenceInput = z.infer<typeof ZAttachEvidenceInput>;

export const ZRequestSignOffInput = ZActionCommands.requestSignOff.input;
export type TRequestSignOffInput = z.infer<typeof ZRequestSignOffInput>;

export const ZSignOffActionInput = ZActionCommands.signOff.input;
export type TSignOffActionInput = z.infer<typeof ZSignOffActionInput>;

export const ZRequestExtensionInput = ZActionCommands.requestExtension.input;
export type TRequestExtensionInput = z.infer<typeof ZRequestExtensionInput>;

export const ZApproveExtensionInput = ZActionCommands.approveExtension.input;
export type TApproveExtensionInput = z.infer<typeof ZApproveExtensionInput>;

export const ZRejectExtensionInput = ZActionCommands.rejectExtension.input;
export type TRejectExtensionInput = z.infer<typeof ZRejectExtensionInput>;

export const ZCancelActionInput = ZActionCommands.cancel.input;
export type TCancelActionInput = z.infer<typeof ZCancelActionInput>;

// ---- workflow Update payloads: body + who + why ----------------------------------------------------

/**
 * What each action Update carries, keyed by command. The API parses with these; the workflow checks
 * the same fields without zod (./commands.ts), and payload.test.ts holds the two equal.
 */
export const ZActionCommandPayloads = Object.fromEntries(
  Object.entries(ZActionCommands).map(([name, c]) => [name, c.payload]),
) as { [K in TActionCommandName]: (typeof ZActionCommands)[K]['payload'] };
/** The payload type of one action Update (input side: defaults such as `outcome` may be omitted). */
export type TActionCommandPayload<K extends TActionCommandName> = z.input<(typeof ZActionCommands)[K]['payload']>;
