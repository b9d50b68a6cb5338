/**
 * Interim, embedded default only: until the lifecycle workflows call deliverEscalation themselves
 * (the workflow rework, issue 15's next phase), this starts one deliverEscalationWorkflow per
 * escalation that has emails waiting, every two seconds. The workflow id is derived from the
 * escalation (deliver-<id>, never reused), and the activity sends nothing twice, so this and the
 * later wiring can even run together. Remove it once the workflows deliver.
 */
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { PrismaClient } from '@ip/db';
import { deliverEscalationWorkflowId, TASK_QUEUE, type DeliverEscalationWorkflowArgs } from '@ip/workflows/definitions';

export function startDeliveringPlanned(prisma: PrismaClient, temporal: Client, onError: (err: unknown) => void): () => void {
  const started = new Set<string>();
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const waiting = await prisma.emailDelivery.findMany({
        where: { kind: 'escalation', status: 'planned', attempts: 0, escalationId: { not: null } },
        distinct: ['escalationId'], select: { escalationId: true }, take: 200,
      });
      for (const { escalationId } of waiting) {
        if (!escalationId || started.has(escalationId)) continue;
        const args: DeliverEscalationWorkflowArgs = { escalationId };
        try {
          await temporal.workflow.start('deliverEscalationWorkflow', {
            workflowId: deliverEscalationWorkflowId(escalationId), taskQueue: TASK_QUEUE, workflowIdReusePolicy: 'REJECT_DUPLICATE', args: [args],
          });
        } catch (err) {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        }
        started.add(escalationId);
      }
    } catch (err) {
      onError(err);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), 2000);
  void tick();
  return () => clearInterval(timer);
}
