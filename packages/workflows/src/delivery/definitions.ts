/**
 * Email delivery: the daily digest workflow, the one-escalation delivery workflow (used for an
 * admin's resend and until the lifecycle workflows call deliverEscalation themselves), and the
 * activity options every caller of the delivery activities should use.
 */
import type { ActivityOptions } from '@temporalio/common';

/** One digest workflow per namespace; the API and the dev process start it (signal-with-start). */
export const EMAIL_DIGEST_WORKFLOW_ID = 'email-digest';

export interface EmailDigestWorkflowArgs {
  /** Local time (Europe/London, HH:MM) of the digest on working days. */
  localTime: string;
}

/** Changes the digest time of the running digest workflow (the next slot is recomputed at once). */
export const SET_DIGEST_TIME_SIGNAL = 'setDigestTime';
export interface SetDigestTimeSignalArgs {
  localTime: string;
}

export interface DeliverEscalationWorkflowArgs {
  escalationId: string;
}

export interface RedeliverWorkflowArgs {
  deliveryId: string;
  /** When the admin asked (epoch ms): the activity waits a few minutes for the API to record it. */
  requestedAt: number;
}

/** An admin's resend: one workflow per request id, so a retried request resends once. */
export function redeliverWorkflowId(clientRequestId: string): string {
  return `redeliver-${clientRequestId}`;
}

export function deliverEscalationWorkflowId(escalationId: string): string {
  return `deliver-${escalationId}`;
}

/**
 * How to call deliverEscalation / redeliver / sendDigests. The activity heartbeats every few
 * seconds while it works, so a dead worker is noticed within the heartbeat timeout; it completes
 * when every delivery is final and throws a retryable failure (EmailNotYetAccepted) while any is
 * not yet accepted, so retries have no attempt limit: the delivery's own budget (worker setting
 * DELIVERY_MAX_ATTEMPTS) decides when an email shows "not delivered". Unknown ids fail for good.
 */
export const DELIVERY_ACTIVITY_OPTIONS = {
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '15 seconds',
  retry: {
    initialInterval: '10 seconds',
    backoffCoefficient: 2,
    maximumInterval: '15 minutes',
    nonRetryableErrorTypes: ['UnknownEscalation', 'UnknownDelivery'],
  },
} as const satisfies ActivityOptions;
