/**
 * Sending one delivery, at most one attempt at a time, with what happened recorded. The row is
 * claimed by a conditional update (planned → sending, with a lease), so two workers, or a retry
 * racing a slow first attempt, never hand the same message to the server at once. The Message-ID
 * is fixed at the first attempt and reused by every later one.
 *
 * What is guaranteed: a delivery the server accepted (a 250 we recorded) is never sent again. The
 * one window left is an attempt whose outcome is unknown — the connection broke after the message
 * was handed over and before the 250 arrived, or the sender died in between. By default
 * (SMTP_AMBIGUOUS=resend) it is sent again with the same Message-ID: our own SMTP server keeps one
 * copy per Message-ID, so exactly one arrives; a third-party relay may deliver a second copy
 * (receivers that de-duplicate by Message-ID hide it). With SMTP_AMBIGUOUS=hold it is marked
 * 'uncertain' instead and an admin decides (at most once).
 */
import type { EmailDelivery, Escalation, PrismaClient } from '@ip/db';
import { messageIdFor, SendFailure } from '@ip/mail';
import type { DeliveryDeps } from './deps.js';
import { renderDelivery } from './render.js';

// In ./deps.ts so that render.ts, which this file calls, need not import this file.
export type { DeliveryDeps } from './deps.js';

/** What one call did: sent, final failure, held as uncertain, to retry, busy elsewhere, or nothing to do. */
export type SendOutcome = 'sent' | 'failed' | 'uncertain' | 'retry' | 'busy' | 'nothing';

const UNKNOWN_AFTER_DEATH = 'The previous attempt stopped before the server’s answer was recorded (the sender died or lost the database): it may have been delivered';

/**
 * Records the outcome of the delivery's open attempt. Only the lease holder has one open, so "the
 * attempt without an outcome" is that attempt. The log numbers attempts over the delivery's whole
 * life; the row's `attempts` counts them since it was last planned (an admin's resend starts afresh).
 */
async function markAttempt(prisma: PrismaClient, deliveryId: string, outcome: string, response: string, at: Date): Promise<void> {
  await prisma.emailDeliveryAttempt.updateMany({ where: { deliveryId, outcome: null }, data: { outcome, response, finishedAt: at } });
}

async function openAttempt(prisma: PrismaClient, deliveryId: string, at: Date): Promise<void> {
  // One statement: the next number in the log and the new attempt (only the lease holder inserts).
  await prisma.$executeRaw`
    INSERT INTO email_delivery_attempt (delivery_id, attempt, started_at)
    SELECT ${deliveryId}, COALESCE(MAX(attempt), 0) + 1, ${at} FROM email_delivery_attempt WHERE delivery_id = ${deliveryId}`;
}

/** Claims the delivery for one attempt; returns the claimed row, or why not. */
async function claim(prisma: PrismaClient, deps: DeliveryDeps, id: string, now: Date): Promise<EmailDelivery | Exclude<SendOutcome, 'sent' | 'failed' | 'retry'>> {
  const lease = { leaseUntil: new Date(now.getTime() + deps.leaseMs), lastAttemptAt: now, attempts: { increment: 1 }, status: 'sending' };
  if ((await prisma.emailDelivery.updateMany({ where: { id, status: 'planned' }, data: lease })).count === 1) {
    return prisma.emailDelivery.findUniqueOrThrow({ where: { id } });
  }
  const row = await prisma.emailDelivery.findUnique({ where: { id } });
  if (!row || row.status !== 'sending') return 'nothing';
  if (row.leaseUntil && row.leaseUntil > now) return 'busy';
  // The attempt that held it is gone without a word: its outcome is unknown.
  const stale = { id, status: 'sending', attempts: row.attempts, leaseUntil: row.leaseUntil };
  if (deps.mailer.config.ambiguous === 'hold') {
    const held = await prisma.emailDelivery.updateMany({ where: stale, data: { status: 'uncertain', leaseUntil: null, lastError: `${UNKNOWN_AFTER_DEATH}; held for an admin (SMTP_AMBIGUOUS=hold)` } });
    if (held.count === 1) await markAttempt(prisma, id, 'unknown', UNKNOWN_AFTER_DEATH, now);
    return held.count === 1 ? 'uncertain' : 'busy';
  }
  if ((await prisma.emailDelivery.updateMany({ where: stale, data: { ...lease, lastError: UNKNOWN_AFTER_DEATH } })).count !== 1) return 'busy';
  await markAttempt(prisma, id, 'unknown', `${UNKNOWN_AFTER_DEATH}; sent again with the same Message-ID`, now);
  return { ...row, ...lease, attempts: row.attempts + 1, lastError: UNKNOWN_AFTER_DEATH };
}

/** Fixes the message's content and Message-ID at its first attempt; later attempts send the same. */
async function content(prisma: PrismaClient, deps: DeliveryDeps, row: EmailDelivery, escalation?: Escalation): Promise<EmailDelivery> {
  if (row.subject !== null && row.messageId !== null) return row;
  const rendered = await renderDelivery(prisma, deps, row, escalation);
  const fixed = { ...rendered, messageId: row.messageId ?? messageIdFor(row.id, deps.mailer.config.messageIdDomain) };
  await prisma.emailDelivery.update({ where: { id: row.id }, data: fixed, select: { id: true } });
  return { ...row, ...fixed };
}

/** A digest's outcome is its items' outcome too, so each escalation shows how it reached the person. */
async function settleDigestItems(prisma: PrismaClient, digestId: string, data: { status: string; sentAt?: Date | null; serverResponse?: string | null; lastError?: string | null }): Promise<void> {
  await prisma.emailDelivery.updateMany({ where: { digestId }, data });
}

/**
 * One attempt at one delivery (see the file comment for what is guaranteed). `escalation`, when the
 * caller has it, saves reading it again to write the email.
 */
export async function sendDelivery(prisma: PrismaClient, deps: DeliveryDeps, id: string, escalation?: Escalation): Promise<SendOutcome> {
  const now = new Date(deps.now?.() ?? Date.now());
  const claimed = await claim(prisma, deps, id, now);
  if (typeof claimed === 'string') return claimed;
  const attempt = claimed.attempts;
  const row = await content(prisma, deps, claimed, escalation);
  await openAttempt(prisma, id, now);
  const mine = { id, status: 'sending', attempts: attempt };
  let response: string;
  try {
    ({ response } = await deps.mailer.send({
      to: { name: row.recipientName, address: row.recipientEmail },
      subject: row.subject ?? '',
      text: row.textBody ?? '',
      html: row.htmlBody ?? '',
      messageId: row.messageId!,
      // RFC 3834: automatic mail; out-of-office replies should not answer it.
      headers: { 'Auto-Submitted': 'auto-generated' },
    }));
  } catch (err) {
    return recordFailure(prisma, deps, row, attempt, err instanceof SendFailure ? err : new SendFailure(String(err), 'unknown', false, undefined));
  }
  // Accepted. If recording this fails (the database is down), the row stays 'sending' and the next
  // attempt treats the outcome as unknown, exactly as if this process had died here.
  const at = new Date(deps.now?.() ?? Date.now());
  await prisma.emailDelivery.updateMany({ where: mine, data: { status: 'sent', sentAt: at, serverResponse: response, leaseUntil: null, lastError: null } });
  await markAttempt(prisma, id, 'accepted', response, at);
  if (row.kind === 'digest') await settleDigestItems(prisma, id, { status: 'sent', sentAt: at, serverResponse: response, lastError: null });
  return 'sent';
}

async function recordFailure(prisma: PrismaClient, deps: DeliveryDeps, row: EmailDelivery, attempt: number, f: SendFailure): Promise<SendOutcome> {
  const at = new Date(deps.now?.() ?? Date.now());
  await markAttempt(prisma, row.id, f.kind, f.message, at);
  let status: 'failed' | 'uncertain' | 'planned';
  let lastError: string;
  if (f.kind === 'refused' && f.permanent) {
    status = 'failed';
    lastError = `Not delivered: the server refused it (${f.message})`;
  } else if (attempt >= deps.maxAttempts) {
    status = 'failed';
    lastError = `Not delivered after ${attempt} attempts: ${f.message}`;
  } else if (f.kind === 'unknown' && deps.mailer.config.ambiguous === 'hold') {
    status = 'uncertain';
    lastError = `The connection broke before the server answered; it may have been delivered (${f.message}); held for an admin (SMTP_AMBIGUOUS=hold)`;
  } else {
    status = 'planned';
    lastError = `Attempt ${attempt} of ${deps.maxAttempts} failed, will retry: ${f.message}`;
  }
  await prisma.emailDelivery.updateMany({ where: { id: row.id, status: 'sending', attempts: attempt }, data: { status, lastError, leaseUntil: null } });
  if (row.kind === 'digest' && status !== 'planned') await settleDigestItems(prisma, row.id, { status, lastError });
  return status === 'planned' ? 'retry' : status;
}
