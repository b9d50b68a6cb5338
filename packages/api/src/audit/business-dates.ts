/**
 * The date each kind of change *happened*, as the record itself carries it (the report received,
 * the plan submitted, Ofsted's letter, a visit's fieldwork, a DfE step, an answer), as opposed to
 * when it was *recorded* (the workflow time it was entered). A change that carries no date of its
 * own (a progress update, a sign-off, an action created, a visit scheduled) happened when it was
 * recorded, and says so. Used by the "had happened by" view (./happened.ts).
 */
import { londonMidnightUtcMs } from '@ip/domain';

type DateOf = (e: Record<string, unknown>) => unknown;
const field = (name: string): DateOf => (e) => e[name];

/**
 * Event type → the date field that says when it happened. Types are those of every machine's
 * domain events (programme, action, monitoring visit, intervention, information request).
 */
const HAPPENED_ON: Readonly<Record<string, DateOf>> = {
  // Programme
  inspection_recorded: (e) => (e.inspection as { reportReceivedOn?: string } | undefined)?.reportReceivedOn,
  reinspection_recorded: (e) => (e.inspection as { reportReceivedOn?: string } | undefined)?.reportReceivedOn,
  report_published: field('publishedOn'),
  milestone_completed: field('completedOn'),
  plan_submitted: field('submittedOn'),
  plan_response_recorded: field('letterOn'),
  monitoring_visit_closed: field('letterPublishedOn'),
  focused_visit_recorded: field('letterReceivedOn'),
  engagement_meeting_recorded: field('heldOn'),
  // Monitoring visit: fieldwork counts from its last day (the visit is done then).
  fieldwork_recorded: field('endedOn'),
  draft_letter_received: field('receivedOn'),
  accuracy_corrections_sent: field('sentOn'),
  letter_published: field('publishedOn'),
  // Information request
  request_opened: field('requestedOn'),
  answered: field('answeredOn'),
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The date (YYYY-MM-DD) a change happened by its own record, or null when it carries none. */
export function happenedOnOf(event: { type: string } & Readonly<Record<string, unknown>>): string | null {
  const e = event as Record<string, unknown>;
  // Every DfE step carries `on` (intervention/schemas.ts), whatever its type.
  const v = HAPPENED_ON[event.type]?.(e) ?? (typeof e.on === 'string' && e.type !== 'timer_fired' ? e.on : undefined);
  return typeof v === 'string' && ISO_DATE.test(v) ? v : null;
}

/** The instant a dated change counts from: the start of its day in London (a thing done on a due date stops that day's steps). */
export function happenedAtOf(event: { type: string } & Readonly<Record<string, unknown>>, recordedAt: number): { at: number; dated: boolean } {
  const on = happenedOnOf(event);
  return on ? { at: londonMidnightUtcMs(on), dated: true } : { at: recordedAt, dated: false };
}

/** A start argument that says when the record began (an information request's `requestedOn`). */
export function startedOnOf(args: unknown): string | null {
  const v = (args as { requestedOn?: unknown } | null)?.requestedOn;
  return typeof v === 'string' && ISO_DATE.test(v) ? v : null;
}
