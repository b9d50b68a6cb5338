/**
 * The safety net under delivery: every escalation's emails are planned in the escalation's own
 * transaction, and the workflow that raised it starts their delivery workflow straight after. An
 * escalation whose emails are still waiting minutes later (raised by a workflow of the first version,
 * which did not start deliveries, or whose start was lost) is handed to its delivery workflow here.
 * The workflow id is derived from the escalation (deliver-<id>) and the activity sends nothing
 * twice, so handing over one that is already under way changes nothing.
 */
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { PrismaClient } from '@ip/db';

export interface HandOverResult {
  waiting: number;
  started: number;
}

export async function handOverPlannedDeliveries(
  prisma: PrismaClient,
  client: Client,
  opts: { taskQueue: string; olderThanMs?: number; now?: Date; limit?: number },
): Promise<HandOverResult> {
  const before = new Date((opts.now ?? new Date()).getTime() - (opts.olderThanMs ?? 5 * 60_000));
  const waiting = await prisma.emailDelivery.findMany({
    where: { kind: 'escalation', status: 'planned', attempts: 0, escalationId: { not: null }, createdAt: { lt: before } },
    distinct: ['escalationId'], select: { escalationId: true }, take: opts.limit ?? 500,
  });
  let started = 0;
  for (const { escalationId } of waiting) {
    if (!escalationId) continue;
    try {
      await client.workflow.start('deliverEscalationWorkflow', {
        workflowId: `deliver-${escalationId}`, taskQueue: opts.taskQueue, workflowIdReusePolicy: 'REJECT_DUPLICATE', args: [{ escalationId }],
      });
      started += 1;
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }
  return { waiting: waiting.length, started };
}
