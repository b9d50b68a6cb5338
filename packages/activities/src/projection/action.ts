import type { PrismaClient } from '@ip/db';
import type { TActionState } from '@ip/domain';
import { moveForward } from './monotonic.js';

/**
 * Projects an action's state into the PostgreSQL read model (model Action): the columns lists sort
 * and filter by, plus the whole state as JSON. Idempotent and monotonic by stateVersion: a retried
 * or late activity carrying an older version never overwrites a newer one.
 *
 * `rag` is the RAG as at the state's last event; the workflow applies a `rag_reviewed` event whenever
 * time alone changes it, so the column does not go out of date while the action is open.
 */
export async function projectActionState(prisma: PrismaClient, state: TActionState): Promise<void> {
  const row = {
    programmeId: state.programmeId,
    workstream: state.workstream,
    title: state.title,
    ownerName: state.owner.name,
    ownerEmail: state.owner.email ?? null,
    dueOn: state.dueOn,
    dueAt: new Date(state.dueAt),
    status: state.status,
    rag: state.rag.rag,
    percentComplete: state.percentComplete,
    ofstedLinked: state.ofstedLinked,
    lastUpdateOn: state.lastUpdateOn,
    state: state as unknown as object,
    stateVersion: state.version,
  };
  const older = { id: state.actionId, stateVersion: { lt: state.version } };
  await moveForward({
    updateOlder: () => prisma.action.updateMany({ where: older, data: row }),
    // The Update handler and the workflow's start can project at the same time (see moveForward).
    insert: () => prisma.action.createMany({ data: [{ id: state.actionId, ...row }], skipDuplicates: true }),
  });
}
