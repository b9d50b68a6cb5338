/**
 * To whom each predicted step would be emailed: the people the delivery module would plan it for
 * (recipientContextOf, plannedRecipients: the very functions that plan an escalation's deliveries
 * when it is recorded), with each person's immediate-or-digest choice. Reads the programme's people
 * and the action's owner as they are now; a person added before the step fires is told too.
 */
import { plannedRecipients, preferencesOf, recipientContextOf, type DeliverySubject } from '@ip/activities';
import type { PrismaClient } from '@ip/db';
import { RECIPIENT_ROLE_LABELS, recipientsFor, type TRecipientRole } from '@ip/domain';
import type { PredictedStep } from '@ip/workflows/what-if';

export interface StepRecipient {
  role: TRecipientRole;
  roleLabel: string;
  name: string;
  email: string;
  note: string | null;
  mode: 'immediate' | 'digest';
  modeReason: string;
}

/** A predicted step as the API returns it: the step and, when raised, who is emailed (or why nobody). */
export type StepWithRecipients = Omit<PredictedStep, 'fact'> & {
  recipients: StepRecipient[];
  /** Roles the level names that nobody holds: "not delivered: nobody is recorded as …". */
  gaps: Array<{ role: TRecipientRole; roleLabel: string; reason: string }>;
};

/** Returns a function giving each step its recipients (one read of people and preferences per subject). */
export async function recipientsOfSteps(prisma: PrismaClient, subject: DeliverySubject, steps: readonly PredictedStep[]): Promise<(s: PredictedStep) => StepWithRecipients> {
  const ctx = await recipientContextOf(prisma, subject);
  const levels = [...new Set(steps.filter((s) => s.raised).map((s) => s.level))];
  const prefs = await preferencesOf(prisma, levels.flatMap((l) => recipientsFor(l, ctx).recipients.map((r) => r.email)));
  return ({ fact: _fact, ...step }) => {
    if (!step.raised) return { ...step, recipients: [], gaps: [] };
    const { recipients, gaps } = plannedRecipients(step, ctx, prefs);
    return {
      ...step,
      recipients: recipients.map((r) => ({ role: r.role, roleLabel: RECIPIENT_ROLE_LABELS[r.role], name: r.name, email: r.email, note: r.note ?? null, mode: r.mode, modeReason: r.modeReason })),
      gaps: gaps.map((g) => ({ role: g.role, roleLabel: RECIPIENT_ROLE_LABELS[g.role], reason: g.reason })),
    };
  };
}
