import { z } from 'zod';
import { endOfLondonDayUtcMs, londonMidnightUtcMs } from '../calendar/index.js';

/**
 * Escalation ladders as data (BRIEF (b), "proposed, not mandated"): each programme may configure its
 * own. A step fires at an offset in working days from a deadline: negative offsets are reminders
 * before it, 0 is the deadline itself, positive offsets escalate while it stays unmet.
 */
export const ZEscalationLevel = z.enum([
  'owner',
  'workstream_lead',
  'programme_manager',
  'director',
  'improvement_board',
  'dfe',
  'committee_chair',
  'chief_executive',
]);
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
    fireAtLocalTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'fireAtLocalTime: HH:MM').default('09:00'),
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

/** The action ladder proposed in BRIEF (b). */
export const DEFAULT_ACTION_LADDER: TLadder = ZLadder.parse({
  id: 'action-default',
  name: 'Action deadline (BRIEF (b), proposed)',
  steps: [
    { id: 'remind-10', offsetWorkingDays: -10, kind: 'reminder', level: 'owner', label: 'Reminder to the owner: due in 10 working days' },
    { id: 'remind-5', offsetWorkingDays: -5, kind: 'reminder', level: 'owner', label: 'Reminder to the owner: due in 5 working days' },
    { id: 'red-0', offsetWorkingDays: 0, kind: 'escalation', level: 'workstream_lead', setsRed: true, label: 'Overdue: action turns red; workstream lead told' },
    { id: 'pm-5', offsetWorkingDays: 5, kind: 'escalation', level: 'programme_manager', label: 'Overdue 5 working days: programme manager' },
    { id: 'director-10', offsetWorkingDays: 10, kind: 'escalation', level: 'director', label: 'Overdue 10 working days: AD/DCS and board exception report' },
    { id: 'dfe-20', offsetWorkingDays: 20, kind: 'escalation', level: 'dfe', onlyIfOfstedLinked: true, label: 'Overdue 20 working days on an Ofsted-linked action: board chair and DfE adviser/commissioner' },
  ],
});

/** Overdue information requests go to the committee chair and democratic services (BRIEF (b)). */
export const DEFAULT_INFO_REQUEST_LADDER: TLadder = ZLadder.parse({
  id: 'info-request-default',
  name: 'Committee information request (BRIEF (b), proposed)',
  steps: [
    { id: 'remind-5', offsetWorkingDays: -5, kind: 'reminder', level: 'owner', label: 'Reminder: answer due in 5 working days' },
    { id: 'overdue-0', offsetWorkingDays: 0, kind: 'escalation', level: 'committee_chair', setsRed: true, label: 'Overdue: committee chair and democratic services told' },
  ],
});

export interface ScheduledStep {
  step: TLadderStep;
  /** The London calendar date the step belongs to. */
  fireOn: string;
  /** The instant it fires (epoch ms). */
  fireAt: number;
}

interface WorkingDays {
  addWorkingDays(from: string, n: number): string;
}

/**
 * When each step of a ladder fires for a deadline on `dueOn`, in firing order. Step 0 fires at the
 * deadline instant (the end of the due date in London); the others at the ladder's local time on
 * the working day `offset` working days from the due date. Pure, so a workflow can schedule its
 * timers from it and a test can check every instant.
 */
export function scheduleLadder(
  ladder: TLadder,
  dueOn: string,
  calendar: WorkingDays,
  opts: { ofstedLinked?: boolean } = {},
): ScheduledStep[] {
  const [hh, mm] = ladder.fireAtLocalTime.split(':').map(Number) as [number, number];
  return ladder.steps
    .filter((s) => !s.onlyIfOfstedLinked || opts.ofstedLinked)
    .map((step) => {
      if (step.offsetWorkingDays === 0) return { step, fireOn: dueOn, fireAt: endOfLondonDayUtcMs(dueOn) };
      const fireOn = calendar.addWorkingDays(dueOn, step.offsetWorkingDays);
      return { step, fireOn, fireAt: londonLocalTimeUtcMs(fireOn, hh, mm) };
    })
    .sort((a, b) => a.fireAt - b.fireAt);
}

/**
 * The instant of a wall-clock time in London on a date. Clock changes happen at 01:00 UTC on
 * Sundays, so on a working day the offset at midnight is the offset all day.
 */
export function londonLocalTimeUtcMs(isoDate: string, hours: number, minutes: number): number {
  return londonMidnightUtcMs(isoDate) + (hours * 60 + minutes) * 60_000;
}

/** The durable id of an escalation: retries and restarts derive the same id, so none is recorded twice. */
export function escalationId(workflowId: string, ladderId: string, stepId: string, baseline: number): string {
  return `${workflowId}/${ladderId}/${stepId}/b${baseline}`;
}
