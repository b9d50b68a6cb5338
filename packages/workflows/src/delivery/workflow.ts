/**
 * emailDigestWorkflow — the daily digest (issue 15). Sleeps until the next slot (the configured
 * London time on a working day of England and Wales: weekends, Christmas Day, Good Friday and bank
 * holidays are skipped), then runs sendDigests for that slot, which folds every delivery held for
 * a digest into one email per person. The slot instant is the activity's idempotency key, so a
 * retried slot sends nothing twice. A setDigestTime signal moves the next slot at once.
 *
 * deliverEscalationWorkflow / redeliverWorkflow — one delivery activity each, with the retry policy
 * every caller should use (DELIVERY_ACTIVITY_OPTIONS).
 */
import { condition, continueAsNew, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import { defaultCalendar, digestTimeProblem, nextDigestSlot } from '@ip/domain/workflow';
import type { Activities, DeliverySummary } from '@ip/activities';
import {
  DELIVERY_ACTIVITY_OPTIONS,
  SET_DIGEST_TIME_SIGNAL,
  type DeliverEscalationWorkflowArgs,
  type EmailDigestWorkflowArgs,
  type RedeliverWorkflowArgs,
  type SetDigestTimeSignalArgs,
} from './definitions.js';

const { deliverEscalation, redeliver, sendDigests } = proxyActivities<Activities>(DELIVERY_ACTIVITY_OPTIONS);

export const setDigestTimeSignal = defineSignal<[SetDigestTimeSignalArgs]>(SET_DIGEST_TIME_SIGNAL);

/** Slots per run before continuing as new: keeps each run's history short (about 6 events a slot). */
const SLOTS_PER_RUN = 250;

export async function emailDigestWorkflow(args: EmailDigestWorkflowArgs): Promise<void> {
  const problem = digestTimeProblem(args.localTime);
  if (problem) throw new Error(problem);
  let localTime = args.localTime;
  let moved = false;
  setHandler(setDigestTimeSignal, (s) => {
    // A bad time is ignored rather than failing the workflow; the API validates it before sending.
    if (digestTimeProblem(s.localTime) || s.localTime === localTime) return;
    localTime = s.localTime;
    moved = true;
  });
  const calendar = defaultCalendar();
  for (let sent = 0; sent < SLOTS_PER_RUN; ) {
    const slot = nextDigestSlot(Date.now(), localTime, calendar);
    moved = false;
    if (await condition(() => moved, Math.max(1, slot - Date.now()))) continue;
    await sendDigests({ slotAt: slot });
    sent += 1;
  }
  await continueAsNew<typeof emailDigestWorkflow>({ localTime });
}

export async function deliverEscalationWorkflow(args: DeliverEscalationWorkflowArgs): Promise<DeliverySummary> {
  return deliverEscalation({ escalationId: args.escalationId });
}

export async function redeliverWorkflow(args: RedeliverWorkflowArgs): Promise<{ status: string }> {
  return redeliver({ deliveryId: args.deliveryId, requestedAt: args.requestedAt });
}
