import type { PrismaClient } from '@ip/db';
import { moveForward } from './monotonic.js';

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
/** `replaceSameVersion`: a rebuild also rewrites a row at the same version (repairing a gap in its logs). */
export async function projectLifecycleRecord(prisma: PrismaClient, p: LifecycleRecordProjection, opts: { replaceSameVersion?: boolean } = {}): Promise<boolean> {
  const data = { ...p, state: p.state as object, stoppedAt: null, stoppedReason: null };
  const older = { id: p.id, stateVersion: opts.replaceSameVersion ? { lte: p.stateVersion } : { lt: p.stateVersion } };
  return moveForward({
    updateOlder: () => prisma.lifecycleRecord.updateMany({ where: older, data }),
    insert: () => prisma.lifecycleRecord.createMany({ data: [data], skipDuplicates: true }),
  });
}
