import { randomUUID } from 'node:crypto';
import { appRouter, createCallerFactory, createContextInner } from '@ip/api';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '@ip/db';

/** The demo data goes through the API's own procedures, as the demo programme manager. */
export async function demoCaller(prisma: PrismaClient, temporal: Client, opts: { taskQueue?: string } = {}) {
  const pm = await prisma.user.findFirstOrThrow({ where: { role: 'programme_manager' } });
  return createCallerFactory(appRouter)(
    createContextInner({ prisma, temporal, taskQueue: opts.taskQueue }, { user: { id: pm.id, email: pm.email, name: pm.name, role: 'programme_manager' } }),
  );
}
export type DemoCaller = Awaited<ReturnType<typeof demoCaller>>;

export const demoMeta = (reason: string) => ({ clientRequestId: randomUUID(), reason: `Demo data: ${reason}` });
