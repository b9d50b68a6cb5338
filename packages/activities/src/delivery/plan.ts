/**
 * Planning: when an escalation or reminder is recorded, one delivery row per recipient is written in
 * the same transaction (see recordEscalationFact), so an escalation never exists without its
 * deliveries, and a retried or replayed record plans nothing twice. Each row's id is derived from
 * the escalation id and the recipient's address.
 */
import type { Escalation, Prisma } from '@ip/db';
import {
  deliveryModeFor, recipientsFor, type DeliveryPreferenceLike, type Recipient, type RecipientContext, type RecipientGap, type TDeliveryMode,
  type TEscalationLevel, type TProgrammePersonRole,
} from '@ip/domain';

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

/** The escalation (or the step a what-if predicts) whose recipients are resolved. */
export type DeliverySubject = Pick<Escalation, 'programmeId' | 'subjectKind' | 'subjectId'>;

/** One person a step is emailed to, and how (at once or in the daily digest) and why. */
export interface PlannedRecipient extends Recipient {
  mode: TDeliveryMode;
  modeReason: string;
}

/**
 * Who a subject's steps are emailed to: the programme's people by role, and for an action its owner,
 * its workstream and that workstream's register lead, as the read model holds them now. Shared by
 * planDeliveries and the API's what-if, so a prediction names the people an escalation would be
 * planned for.
 */
export async function recipientContextOf(db: Tx, e: DeliverySubject): Promise<RecipientContext> {
  const people = e.programmeId ? await db.programmePerson.findMany({ where: { programmeId: e.programmeId }, orderBy: { createdAt: 'asc' } }) : [];
  let owner: { name: string; email: string | null } | null = null;
  let workstream: string | null = null;
  let workstreamRegisterLead: { name: string; email: string | null } | null = null;
  if (e.subjectKind === 'action') {
    const action = await db.action.findUnique({ where: { id: e.subjectId }, select: { ownerName: true, ownerEmail: true, workstream: true, programmeId: true } });
    if (action?.ownerName) owner = { name: action.ownerName, email: action.ownerEmail };
    workstream = action?.workstream ?? null;
    if (action?.workstream) {
      const ws = await db.workstream.findFirst({ where: { programmeId: action.programmeId, OR: [{ key: action.workstream }, { name: action.workstream }] } });
      if (ws) {
        workstream = ws.key;
        workstreamRegisterLead = { name: ws.leadName, email: ws.leadEmail };
      }
    }
  }
  return {
    owner,
    workstream,
    workstreamRegisterLead,
    people: people.map((p) => ({ role: p.role as TProgrammePersonRole, name: p.name, email: p.email, workstream: p.workstream })),
  };
}

/** The delivery preferences of these addresses (absent: never chosen, so immediate). */
export async function preferencesOf(db: Tx, emails: readonly string[]): Promise<Map<string, DeliveryPreferenceLike>> {
  const rows = emails.length ? await db.deliveryPreference.findMany({ where: { email: { in: [...new Set(emails)] } } }) : [];
  return new Map(rows.map((p) => [p.email, { reminders: p.reminders as TDeliveryMode, escalations: p.escalations as TDeliveryMode }]));
}

/** The recipients of one step (recipientsFor) with each one's mode (deliveryModeFor), and the roles nobody holds. */
export function plannedRecipients(
  step: { kind: string; level: string },
  ctx: RecipientContext,
  prefs: ReadonlyMap<string, DeliveryPreferenceLike>,
): { recipients: PlannedRecipient[]; gaps: RecipientGap[] } {
  const { recipients, gaps } = recipientsFor(step.level as TEscalationLevel, ctx);
  return {
    recipients: recipients.map((r) => {
      const { mode, why } = deliveryModeFor(step.kind as 'reminder' | 'escalation', step.level as TEscalationLevel, prefs.get(r.email) ?? null);
      return { ...r, mode, modeReason: why };
    }),
    gaps,
  };
}

/**
 * Writes the escalation's delivery rows (skipping any already there): 'planned' to send at once,
 * 'held' for a daily digest, 'no_recipient' for a role nobody holds. Call inside the transaction
 * that records the escalation.
 */
export async function planDeliveries(tx: Tx, e: Pick<Escalation, 'id' | 'programmeId' | 'subjectKind' | 'subjectId' | 'kind' | 'level'>): Promise<PlanResult> {
  const ctx = await recipientContextOf(tx, e);
  const candidates = recipientsFor(e.level as TEscalationLevel, ctx).recipients;
  const { recipients, gaps } = plannedRecipients(e, ctx, await preferencesOf(tx, candidates.map((r) => r.email)));
  const common = { kind: 'escalation', escalationId: e.id, programmeId: e.programmeId, subjectKind: e.subjectKind, subjectId: e.subjectId };
  const rows: Prisma.EmailDeliveryCreateManyInput[] = [
    ...recipients.map((r) => ({
      ...common, id: escalationDeliveryId(e.id, r.email), recipientEmail: r.email, recipientName: r.name, recipientRole: r.role,
      note: r.note ?? null, mode: r.mode, modeReason: r.modeReason, status: r.mode === 'digest' ? 'held' : 'planned',
    })),
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
