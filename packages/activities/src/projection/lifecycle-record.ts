import type { PrismaClient } from '@ip/db';

export interface LifecycleRecordProjection {
  id: string;
  kind: 'monitoring_visit' | 'intervention' | 'information_request';
  programmeId: string | null;
  onsCode: string | null;
  title: string;
  phase: string;
  dueOn: string | null;
  state: unknown;
  stateVersion: number;
}

/** Projects a monitoring-visit, intervention or information-request workflow. Monotonic by version. */
export async function projectLifecycleRecord(prisma: PrismaClient, p: LifecycleRecordProjection): Promise<void> {
  const data = { ...p, state: p.state as object };
  const older = { id: p.id, stateVersion: { lt: p.stateVersion } };
  if ((await prisma.lifecycleRecord.updateMany({ where: older, data })).count > 0) return;
  const created = await prisma.lifecycleRecord.createMany({ data: [data], skipDuplicates: true });
  // Lost a race with another first projection: the row exists now, so move it forward if ours is newer.
  if (created.count === 0) await prisma.lifecycleRecord.updateMany({ where: older, data });
}
