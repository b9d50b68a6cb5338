/**
 * The delivery activities' work: send an escalation's planned emails (deliverEscalation), an
 * admin's resend (redeliver), each until the server accepts it or the delivery is final. The
 * activity completes only when every delivery of the escalation is final (sent, not delivered,
 * uncertain, held for a digest, or nobody to send to); otherwise it throws a retryable failure and
 * Temporal tries again later with backoff, which is what "retried until the SMTP server accepts
 * it" rests on.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Escalation, PrismaClient } from '@ip/db';
import { planDeliveries } from './plan.js';
import { sendDelivery, type DeliveryDeps } from './send.js';

export interface DeliverySummary {
  /** Accepted by the SMTP server (now or earlier). */
  sent: number;
  /** Waiting for the person's daily digest. */
  held: number;
  /** Not delivered: refused for good, or out of attempts (an admin can resend). */
  failed: number;
  /** Outcome unknown, held for an admin (SMTP_AMBIGUOUS=hold). */
  uncertain: number;
  /** Roles the step names that nobody holds. */
  noRecipient: number;
}

const PENDING = ['planned', 'sending'];

function summarise(rows: { status: string }[]): DeliverySummary & { pending: number } {
  const n = (...s: string[]) => rows.filter((r) => s.includes(r.status)).length;
  return { sent: n('sent'), held: n('held', 'in_digest'), failed: n('failed'), uncertain: n('uncertain'), noRecipient: n('no_recipient'), pending: n(...PENDING) };
}

async function sendAll(prisma: PrismaClient, deps: DeliveryDeps, ids: string[], escalation?: Escalation, onProgress?: () => void): Promise<void> {
  await Promise.all(ids.map(async (id) => {
    await sendDelivery(prisma, deps, id, escalation);
    onProgress?.();
  }));
}

function pendingFailure(what: string, rows: { id: string; status: string; lastError: string | null }[]): ApplicationFailure {
  const waiting = rows.filter((r) => PENDING.includes(r.status));
  const why = waiting.map((r) => r.lastError).find(Boolean) ?? 'an attempt is still in flight';
  return ApplicationFailure.retryable(`${waiting.length} email(s) of ${what} not yet accepted by the SMTP server: ${why}`, 'EmailNotYetAccepted');
}

/**
 * Sends each recipient of an escalation its email, once. Plans the deliveries first if the
 * escalation has none (one recorded before delivery existed). Idempotent: calling it again after
 * success sends nothing.
 */
export async function deliverEscalation(prisma: PrismaClient, deps: DeliveryDeps, input: { escalationId: string }, onProgress?: () => void): Promise<DeliverySummary> {
  const escalation = await prisma.escalation.findUnique({ where: { id: input.escalationId } });
  if (!escalation) throw ApplicationFailure.nonRetryable(`No escalation with id ${input.escalationId}: record it (recordEscalation) before delivering it`, 'UnknownEscalation');
  const select = { id: true, status: true, lastError: true } as const;
  let rows = await prisma.emailDelivery.findMany({ where: { escalationId: escalation.id }, select });
  if (rows.length === 0) {
    await prisma.$transaction((tx) => planDeliveries(tx, escalation));
    rows = await prisma.emailDelivery.findMany({ where: { escalationId: escalation.id }, select });
  }
  const todo = rows.filter((r) => PENDING.includes(r.status));
  if (todo.length > 0) {
    await sendAll(prisma, deps, todo.map((r) => r.id), escalation, onProgress);
    rows = await prisma.emailDelivery.findMany({ where: { escalationId: escalation.id }, select });
  }
  const { pending, ...summary } = summarise(rows);
  if (pending > 0) throw pendingFailure(`escalation ${escalation.id}`, rows);
  return summary;
}

/** How long a resend waits for the API to record it (the API starts the workflow first, then records). */
const RESEND_RECORDING_GRACE_MS = 5 * 60_000;

/**
 * An admin's resend of one delivery, until final. The API starts this first and then, in one
 * transaction with its audit row, sets a not-delivered or uncertain delivery back to 'planned'; so
 * a delivery still not planned is waited for (retryable) for a few minutes, then left as it is
 * (the API's write failed and the admin saw the error). A gap ("nobody is the director") is planned
 * again from the people on the programme now, and whoever is found is sent the escalation.
 */
export async function redeliver(prisma: PrismaClient, deps: DeliveryDeps, input: { deliveryId: string; requestedAt: number }): Promise<{ status: string }> {
  const row = await prisma.emailDelivery.findUnique({ where: { id: input.deliveryId } });
  if (!row) throw ApplicationFailure.nonRetryable(`No email delivery with id ${input.deliveryId}`, 'UnknownDelivery');
  if (row.status === 'no_recipient' && row.escalationId) {
    const escalation = await prisma.escalation.findUniqueOrThrow({ where: { id: row.escalationId } });
    await prisma.$transaction((tx) => planDeliveries(tx, escalation));
    const found = await prisma.emailDelivery.count({ where: { escalationId: escalation.id, recipientRole: row.recipientRole, status: { not: 'no_recipient' } } });
    if (found > 0) await prisma.emailDelivery.update({ where: { id: row.id }, data: { status: 'resolved', lastError: null, note: `${row.note ?? ''} (later: planned again for the people now recorded)` } });
    const summary = await deliverEscalation(prisma, deps, { escalationId: escalation.id });
    return { status: found > 0 ? `resolved: ${summary.sent} sent` : 'no_recipient' };
  }
  if (row.status === 'failed' || row.status === 'uncertain') {
    if ((deps.now?.() ?? Date.now()) - input.requestedAt < RESEND_RECORDING_GRACE_MS) {
      throw ApplicationFailure.retryable(`delivery ${row.id} is not yet planned again: waiting for the resend to be recorded`, 'ResendNotYetRecorded');
    }
    return { status: row.status };
  }
  if (PENDING.includes(row.status)) await sendDelivery(prisma, deps, row.id);
  const after = await prisma.emailDelivery.findUniqueOrThrow({ where: { id: row.id }, select: { id: true, status: true, lastError: true } });
  if (PENDING.includes(after.status)) throw pendingFailure(`delivery ${row.id}`, [after]);
  return { status: after.status };
}
