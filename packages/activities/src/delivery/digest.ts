/**
 * The daily digest (issue 15): at each slot (a working day, the configured London time), every
 * delivery held for a digest goes to its person in one email. Folding is one transaction per person
 * that creates the digest row (id: digest/<email>/<slot instant>) and moves the held rows into it,
 * only when the digest is new, so a retried slot folds nothing twice; a row held after that waits
 * for the next slot. Sending then works exactly like any other delivery (sendDelivery).
 */
import { ApplicationFailure } from '@temporalio/common';
import type { PrismaClient } from '@ip/db';
import { sendDelivery, type DeliveryDeps } from './send.js';

export interface DigestResult {
  /** Digests of this slot accepted by the server. */
  sent: number;
  /** Reminders and escalations they carried. */
  items: number;
  failed: number;
}

export function digestId(email: string, slotAt: number): string {
  return `digest/${email}/${new Date(slotAt).toISOString()}`;
}

/** Folds what is held into one digest per person and sends them; throws (retryable) until each is final. */
export async function sendDigests(prisma: PrismaClient, deps: DeliveryDeps, input: { slotAt: number }, onProgress?: () => void): Promise<DigestResult> {
  const slot = new Date(input.slotAt);
  const held = await prisma.emailDelivery.findMany({
    where: { status: 'held', createdAt: { lte: slot } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, recipientEmail: true, recipientName: true, programmeId: true },
  });
  const byPerson = new Map<string, typeof held>();
  for (const h of held) byPerson.set(h.recipientEmail, [...(byPerson.get(h.recipientEmail) ?? []), h]);
  for (const [email, rows] of byPerson) {
    const id = digestId(email, input.slotAt);
    const programmes = new Set(rows.map((r) => r.programmeId));
    await prisma.$transaction(async (tx) => {
      const created = await tx.emailDelivery.createMany({
        data: [{
          id, kind: 'digest', recipientEmail: email, recipientName: rows.at(-1)!.recipientName, recipientRole: 'digest',
          programmeId: programmes.size === 1 ? (rows[0]!.programmeId ?? null) : null,
          mode: 'digest', modeReason: `daily digest at ${deps.digestLocalTime ?? 'the set time'} on working days`, status: 'planned',
        }],
        skipDuplicates: true,
      });
      if (created.count === 1) {
        await tx.emailDelivery.updateMany({ where: { id: { in: rows.map((r) => r.id) }, status: 'held' }, data: { status: 'in_digest', digestId: id } });
      }
    });
  }
  const suffix = `/${slot.toISOString()}`;
  const todo = await prisma.emailDelivery.findMany({ where: { kind: 'digest', id: { endsWith: suffix }, status: { in: ['planned', 'sending'] } }, select: { id: true } });
  await Promise.all(todo.map(async (d) => {
    await sendDelivery(prisma, deps, d.id);
    onProgress?.();
  }));
  const digests = await prisma.emailDelivery.findMany({ where: { kind: 'digest', id: { endsWith: suffix } }, select: { id: true, status: true, lastError: true } });
  const waiting = digests.filter((d) => d.status === 'planned' || d.status === 'sending');
  if (waiting.length > 0) {
    throw ApplicationFailure.retryable(`${waiting.length} digest(s) of ${slot.toISOString()} not yet accepted by the SMTP server: ${waiting.map((w) => w.lastError).find(Boolean) ?? 'an attempt is still in flight'}`, 'EmailNotYetAccepted');
  }
  const sentIds = digests.filter((d) => d.status === 'sent').map((d) => d.id);
  return {
    sent: sentIds.length,
    items: sentIds.length ? await prisma.emailDelivery.count({ where: { digestId: { in: sentIds } } }) : 0,
    failed: digests.filter((d) => d.status === 'failed').length,
  };
}
