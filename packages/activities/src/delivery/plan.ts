/**
 * Planning: when an escalation or reminder is recorded, one delivery row per recipient is written in
 * the same transaction (see recordEscalationFact), so an escalation never exists without its
 * deliveries, and a retried or replayed record plans nothing twice. Each row's id is derived from
 * the escalation id and the recipient's address.
 */
import type { Escalation, Prisma } from '@ip/db';
import { deliveryModeFor, recipientsFor, type TEscalationLevel, type TProgrammePersonRole } from '@ip/domain';

type Tx = Prisma.TransactionClient;

/** The delivery of an escalation to one address: the same inputs always give the same id. */
export function escalationDeliveryId(escalationId: string, email: string): string {
  return `${escalationId}/to/${email}`;
}

export interface PlanResult {
  immediate: number;
  held: number;
  noRecipient: number;
}

/**
 * Writes the escalation's delivery rows (skipping any already there): 'planned' to send at once,
 * 'held' for a daily digest, 'no_recipient' for a role nobody holds. Call inside the transaction
 * that records the escalation.
 */
export async function planDeliveries(tx: Tx, e: Pick<Escalation, 'id' | 'programmeId' | 'subjectKind' | 'subjectId' | 'kind' | 'level'>): Promise<PlanResult> {
  const people = e.programmeId ? await tx.programmePerson.findMany({ where: { programmeId: e.programmeId }, orderBy: { createdAt: 'asc' } }) : [];
  let owner: { name: string; email: string | null } | null = null;
  let workstream: string | null = null;
  let workstreamRegisterLead: { name: string; email: string | null } | null = null;
  if (e.subjectKind === 'action') {
    const action = await tx.action.findUnique({ where: { id: e.subjectId }, select: { ownerName: true, ownerEmail: true, workstream: true, programmeId: true } });
    if (action?.ownerName) owner = { name: action.ownerName, email: action.ownerEmail };
    workstream = action?.workstream ?? null;
    if (action?.workstream) {
      const ws = await tx.workstream.findFirst({ where: { programmeId: action.programmeId, OR: [{ key: action.workstream }, { name: action.workstream }] } });
      if (ws) {
        workstream = ws.key;
        workstreamRegisterLead = { name: ws.leadName, email: ws.leadEmail };
      }
    }
  }
  const { recipients, gaps } = recipientsFor(e.level as TEscalationLevel, {
    owner,
    workstream,
    workstreamRegisterLead,
    people: people.map((p) => ({ role: p.role as TProgrammePersonRole, name: p.name, email: p.email, workstream: p.workstream })),
  });
  const prefs = recipients.length
    ? await tx.deliveryPreference.findMany({ where: { email: { in: recipients.map((r) => r.email) } } })
    : [];
  const prefOf = new Map(prefs.map((p) => [p.email, p]));
  const common = { kind: 'escalation', escalationId: e.id, programmeId: e.programmeId, subjectKind: e.subjectKind, subjectId: e.subjectId };
  const rows: Prisma.EmailDeliveryCreateManyInput[] = [
    ...recipients.map((r) => {
      const pref = prefOf.get(r.email);
      const { mode, why } = deliveryModeFor(e.kind as 'reminder' | 'escalation', e.level as TEscalationLevel, pref ? { reminders: pref.reminders as 'immediate' | 'digest', escalations: pref.escalations as 'immediate' | 'digest' } : null);
      return {
        ...common, id: escalationDeliveryId(e.id, r.email), recipientEmail: r.email, recipientName: r.name, recipientRole: r.role,
        note: r.note ?? null, mode, modeReason: why, status: mode === 'digest' ? 'held' : 'planned',
      };
    }),
    ...gaps.map((g) => ({
      ...common, id: `${e.id}/nobody/${g.role}`, recipientEmail: '', recipientName: '', recipientRole: g.role,
      note: g.reason, mode: 'immediate', modeReason: 'nobody to send to', status: 'no_recipient', lastError: `Not delivered: ${g.reason}`,
    })),
  ];
  if (rows.length) await tx.emailDelivery.createMany({ data: rows, skipDuplicates: true });
  return {
    immediate: rows.filter((r) => r.status === 'planned').length,
    held: rows.filter((r) => r.status === 'held').length,
    noRecipient: gaps.length,
  };
}
