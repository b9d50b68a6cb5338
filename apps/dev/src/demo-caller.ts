import { randomUUID } from 'node:crypto';
import { appRouter, createCallerFactory, createContextInner } from '@ip/api';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '@ip/db';

/**
 * The demo data goes through the API's own procedures, as the demo programme manager (or, with
 * `role: 'admin'`, as the demo administrator: sign-off needs someone other than the requester).
 */
export async function demoCaller(prisma: PrismaClient, temporal: Client, opts: { taskQueue?: string; role?: 'programme_manager' | 'admin' } = {}) {
  const role = opts.role ?? 'programme_manager';
  const user = await prisma.user.findFirstOrThrow({ where: { role } });
  return createCallerFactory(appRouter)(
    createContextInner({ prisma, temporal, taskQueue: opts.taskQueue }, { user: { id: user.id, email: user.email, name: user.name, role } }),
  );
}
export type DemoCaller = Awaited<ReturnType<typeof demoCaller>>;

export const demoMeta = (reason: string) => ({ clientRequestId: randomUUID(), reason: `Demo data: ${reason}` });
