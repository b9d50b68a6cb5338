/** The words of a delivery, from its escalation (or its digest's escalations), fixed at its first attempt. */
import type { EmailDelivery, Escalation, PrismaClient } from '@ip/db';
import { defaultCalendar, digestEmail, escalationEmail, type EscalationForEmail, type TRecipientRole } from '@ip/domain';
import type { DeliveryDeps } from './deps.js';

function forEmail(e: Escalation): EscalationForEmail {
  return {
    id: e.id, kind: e.kind as 'reminder' | 'escalation', level: e.level, label: e.label, ladderId: e.ladderId, stepId: e.stepId,
    subjectKind: e.subjectKind, subjectId: e.subjectId, subjectTitle: e.subjectTitle, dueOn: e.dueOn,
    fireAt: e.fireAt.getTime(), firedAt: e.firedAt.getTime(),
  };
}

/** A digest's id ends with its slot instant: digest/<email>/<ISO instant>. */
export function digestSlotOf(digestId: string): number {
  return Date.parse(digestId.slice(digestId.lastIndexOf('/') + 1));
}

export async function renderDelivery(
  prisma: PrismaClient,
  deps: Pick<DeliveryDeps, 'consoleUrl' | 'digestLocalTime'>,
  row: EmailDelivery,
  /** The delivery's escalation, if the caller already read it. */
  known?: Escalation,
): Promise<{ subject: string; textBody: string; htmlBody: string }> {
  // Working days in the words follow England and Wales; a programme's one-off calendar changes are
  // not applied here (the deadline dates themselves come from the workflow, which did apply them).
  const ctx = { consoleUrl: deps.consoleUrl, calendar: defaultCalendar() };
  if (row.kind === 'digest') {
    const items = await prisma.emailDelivery.findMany({ where: { digestId: row.id }, orderBy: { createdAt: 'asc' } });
    const escalations = await prisma.escalation.findMany({ where: { id: { in: items.flatMap((i) => (i.escalationId ? [i.escalationId] : [])) } } });
    const byId = new Map(escalations.map((e) => [e.id, e]));
    const m = digestEmail(
      items.flatMap((i) => {
        const e = i.escalationId ? byId.get(i.escalationId) : undefined;
        return e ? [{ escalation: forEmail(e), role: i.recipientRole as TRecipientRole, note: i.note }] : [];
      }),
      { name: row.recipientName },
      digestSlotOf(row.id),
      ctx,
    );
    return { subject: m.subject, textBody: m.text, htmlBody: m.html };
  }
  const e = known?.id === row.escalationId ? known : await prisma.escalation.findUniqueOrThrow({ where: { id: row.escalationId ?? '' } });
  const m = escalationEmail(forEmail(e), { name: row.recipientName, role: row.recipientRole as TRecipientRole, note: row.note }, ctx);
  return { subject: m.subject, textBody: m.text, htmlBody: m.html };
}
