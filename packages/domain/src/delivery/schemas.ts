/**
 * zod schemas for the people a programme's emails go to and their delivery preferences: the API's
 * inputs and the console's forms. The rules themselves are zod-free (recipients.ts, digest.ts).
 */
import { z } from 'zod';
import { ZCommandMeta } from '../schemas/common.js';
import { DELIVERY_MODES } from './digest.js';
import { PROGRAMME_PERSON_ROLES } from './recipients.js';

export const ZProgrammePersonRole = z.enum(PROGRAMME_PERSON_ROLES);
export const ZDeliveryMode = z.enum(DELIVERY_MODES);

const email = z.string().trim().toLowerCase().email('Enter a valid email address, for example name@council.gov.uk').max(254);
const programmeId = z.string().trim().min(1, 'Missing programme id').max(200);
const recordId = z.string().trim().min(1, 'Missing record id').max(200);

/** A person on a programme by role: who the ladder's emails go to. */
export const ZProgrammePerson = z
  .object({
    role: ZProgrammePersonRole,
    name: z.string().trim().min(2, 'Give the person’s name').max(200),
    email,
    /** Workstream leads only: the workstream's key; empty leads every workstream without its own. */
    workstream: z.string().trim().max(60, 'At most 60 characters').default(''),
  })
  .superRefine((p, ctx) => {
    if (p.workstream && p.role !== 'workstream_lead') {
      ctx.addIssue({ code: 'custom', path: ['workstream'], message: 'Only a workstream lead leads a workstream: leave it empty' });
    }
  });
export type TProgrammePerson = z.infer<typeof ZProgrammePerson>;
export type TProgrammePersonInput = z.input<typeof ZProgrammePerson>;

export const ZAddProgrammePersonInput = ZCommandMeta.extend({ programmeId, person: ZProgrammePerson });
export type TAddProgrammePersonInput = z.infer<typeof ZAddProgrammePersonInput>;

export const ZUpdateProgrammePersonInput = z.object({ id: recordId, data: ZCommandMeta.extend({ person: ZProgrammePerson }) });
export type TUpdateProgrammePersonInput = z.infer<typeof ZUpdateProgrammePersonInput>;

export const ZRemoveProgrammePersonInput = ZCommandMeta.extend({ id: recordId });
export type TRemoveProgrammePersonInput = z.infer<typeof ZRemoveProgrammePersonInput>;

/** Immediate or a daily digest, per kind. Escalations at director level and above ignore it. */
export const ZDeliveryPreference = z.object({ reminders: ZDeliveryMode, escalations: ZDeliveryMode });
export type TDeliveryPreference = z.infer<typeof ZDeliveryPreference>;

/** Set the preference of the person with this email address (an admin, or the signed-in person for their own). */
export const ZSetDeliveryPreferenceInput = ZCommandMeta.extend({ email, preference: ZDeliveryPreference });
export type TSetDeliveryPreferenceInput = z.infer<typeof ZSetDeliveryPreferenceInput>;

/** Admin: send a message that was not delivered (or whose delivery is uncertain) again. */
export const ZResendDeliveryInput = ZCommandMeta.extend({ deliveryId: recordId });
export type TResendDeliveryInput = z.infer<typeof ZResendDeliveryInput>;
