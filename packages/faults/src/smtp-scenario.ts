/**
 * Scenario e's parts: people on each programme of a burst (so every ladder level has someone to
 * email), delivery started per escalation as the workflows will start it (deliverEscalationWorkflow,
 * id derived from the escalation, never reused), and what arrived at the SMTP server, read from
 * its mail directory by Message-ID.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { PrismaClient } from '@ip/db';
import { PROGRAMME_PERSON_ROLES } from '@ip/domain';
import { messageIdOf } from '@ip/mail';
import { deliverEscalationWorkflowId, TASK_QUEUE } from '@ip/workflows/definitions';

export async function addPeople(prisma: PrismaClient, programmeIds: string[]): Promise<void> {
  await prisma.programmePerson.createMany({
    data: programmeIds.flatMap((programmeId, i) =>
      PROGRAMME_PERSON_ROLES.map((role) => ({ programmeId, role, name: `${role} ${i}`, email: `${role.replace(/_/g, '.')}.${i}@fault-test.example` }))),
  });
}

/** Starts delivery for each escalation of these programmes as it appears, until stopped. */
export function deliverAsRecorded(prisma: PrismaClient, temporal: Client, programmeIds: string[]): { stop(): Promise<void>; started: Set<string> } {
  const started = new Set<string>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const rows = await prisma.escalation.findMany({ where: { programmeId: { in: programmeIds } }, select: { id: true } }).catch(() => []);
      for (const { id } of rows) {
        if (started.has(id)) continue;
        try {
          await temporal.workflow.start('deliverEscalationWorkflow', { workflowId: deliverEscalationWorkflowId(id), taskQueue: TASK_QUEUE, workflowIdReusePolicy: 'REJECT_DUPLICATE', args: [{ escalationId: id }] });
          started.add(id);
        } catch (err) {
          if (err instanceof WorkflowExecutionAlreadyStartedError) started.add(id);
        }
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    started,
    async stop() {
      running = false;
      await loop;
    },
  };
}

/** Message-IDs of the messages kept in the SMTP server's directory (one file per Message-ID). */
export function keptMessageIds(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.eml')).map((n) => messageIdOf(readFileSync(join(dir, n))) ?? `(none in ${n})`);
}
