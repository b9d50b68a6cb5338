/**
 * The ladder's zod schemas, for the edges (API inputs, stored state). Workflows build and read
 * ladders with the pure functions in ./ladder.ts and never load these (see ../workflow.ts).
 */
import { z } from 'zod';
import { ESCALATION_LEVELS, FIRE_AT_LOCAL_TIME_DEFAULT } from './levels.js';

/**
 * Escalation ladders as data (BRIEF (b), "proposed, not mandated"): each programme may configure its
 * own. A step fires at an offset in working days from a deadline: negative offsets are reminders
 * before it, 0 is the deadline itself, positive offsets escalate while it stays unmet.
 */
export const ZEscalationLevel = z.enum(ESCALATION_LEVELS);
export type TEscalationLevel = z.infer<typeof ZEscalationLevel>;

export const ZLadderStep = z.object({
  /** Stable id: part of every escalation's id, so renaming a label never duplicates one. */
  id: z.string().regex(/^[a-z0-9-]+$/, 'step id: lower-case letters, digits and hyphens'),
  offsetWorkingDays: z.number().int().min(-60).max(120),
  kind: z.enum(['reminder', 'escalation']),
  level: ZEscalationLevel,
  label: z.string().min(1).max(200),
  /** Turns the action red when this step fires. */
  setsRed: z.boolean().default(false),
  /** Only for actions linked to an Ofsted recommendation (the +20 WD step to the board chair and DfE). */
  onlyIfOfstedLinked: z.boolean().default(false),
});
export type TLadderStep = z.infer<typeof ZLadderStep>;

export const ZLadder = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(200),
    /** Local time of day (Europe/London) at which non-zero steps fire; 0 fires at the deadline itself. */
    fireAtLocalTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'fireAtLocalTime: HH:MM').default(FIRE_AT_LOCAL_TIME_DEFAULT),
    steps: z.array(ZLadderStep).min(1),
  })
  .superRefine((l, ctx) => {
    const ids = new Set<string>();
    l.steps.forEach((s, i) => {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `duplicate step id ${s.id}` });
      ids.add(s.id);
    });
  });
export type TLadder = z.infer<typeof ZLadder>;
export type TLadderInput = z.input<typeof ZLadder>;

