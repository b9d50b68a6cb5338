import type { PrismaClient } from '@ip/db';
import { planDeliveries } from '../delivery/plan.js';

export interface EscalationFact {
  /** Derived with escalationId(workflowId, ladderId, stepId, baseline) from @ip/domain. */
  id: string;
  workflowId: string;
  programmeId: string | null;
  subjectKind: 'action' | 'programme' | 'monitoring_visit' | 'information_request' | 'intervention' | 'kpi';
  subjectId: string;
  subjectTitle: string;
  ladderId: string;
  stepId: string;
  kind: 'reminder' | 'escalation';
  level: string;
  label: string;
  dueOn: string;
  /** When the step was due to fire (epoch ms). */
  fireAt: number;
  /** Workflow time when it fired (epoch ms). */
  firedAt: number;
  /**
   * Raised more than an hour after its instant (the late-escalation rule, domain escalation/late.ts):
   * the action was entered overdue, its due date was in the past, or the system was down across it.
   */
  raisedLate?: boolean;
}

/**
 * Records an escalation as a durable fact, exactly once: the id is derived from the workflow, the
 * ladder step and the deadline baseline, and an existing row is left untouched, so an activity retry,
 * a worker killed mid-flight or a replayed workflow can never record it twice. Its email deliveries
 * (one per recipient, see planDeliveries) are written in the same transaction: both or neither.
 * Returns whether this call created it.
 */
export async function recordEscalationFact(prisma: PrismaClient, fact: EscalationFact): Promise<{ created: boolean }> {
  return prisma.$transaction(async (tx) => {
    const res = await tx.escalation.createMany({
      data: [{ ...fact, fireAt: new Date(fact.fireAt), firedAt: new Date(fact.firedAt) }],
      skipDuplicates: true,
    });
    if (res.count === 1) await planDeliveries(tx, fact);
    return { created: res.count === 1 };
    // A burst of escalations (a back-dated programme, 09:00 on a busy day) shares a pool of ten
    // connections: wait for one rather than fail at Prisma's 2 s default; the activity retries anyway.
  }, { maxWait: 10_000, timeout: 15_000 });
}
