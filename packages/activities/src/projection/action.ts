import type { PrismaClient } from '@ip/db';
import type { TActionState } from '@ip/domain';
import { moveForward } from './monotonic.js';

/** The columns lists sort and filter by, from the state (its core is enough), with their SQL names. */
export function actionColumns(state: TActionState) {
  const text = (name: string, value: string | null) => ({ column: { name, cast: 'text' as const }, value });
  return {
    programmeId: text('programme_id', state.programmeId),
    workstream: text('workstream', state.workstream),
    title: text('title', state.title),
    ownerName: text('owner_name', state.owner.name),
    ownerEmail: text('owner_email', state.owner.email ?? null),
    dueOn: text('due_on', state.dueOn),
    dueAt: { column: { name: 'due_at', cast: 'timestamptz' as const }, value: new Date(state.dueAt).toISOString() },
    status: text('status', state.status),
    rag: text('rag', state.rag.rag),
    percentComplete: { column: { name: 'percent_complete', cast: 'int' as const }, value: state.percentComplete },
    ofstedLinked: { column: { name: 'ofsted_linked', cast: 'boolean' as const }, value: state.ofstedLinked },
    lastUpdateOn: text('last_update_on', state.lastUpdateOn),
  };
}

/**
 * Projects an action's state into the PostgreSQL read model (model Action): the columns lists sort
 * and filter by, plus the whole state as JSON. Idempotent and monotonic by stateVersion: a retried
 * or late activity carrying an older version never overwrites a newer one.
 *
 * `rag` is the RAG as at the state's last event; the workflow applies a `rag_reviewed` event whenever
 * time alone changes it, so the column does not go out of date while the action is open.
 */
/** `replaceSameVersion`: a rebuild also rewrites a row at the same version (repairing a gap in its logs). */
export async function projectActionState(prisma: PrismaClient, state: TActionState, opts: { replaceSameVersion?: boolean } = {}): Promise<boolean> {
  const row = {
    ...Object.fromEntries(Object.entries(actionColumns(state)).map(([k, c]) => [k, c.value])),
    dueAt: new Date(state.dueAt),
    state: state as unknown as object,
    stateVersion: state.version,
    stoppedAt: null,
    stoppedReason: null,
  } as unknown as Parameters<PrismaClient['action']['updateMany']>[0]['data'];
  const older = { id: state.actionId, stateVersion: opts.replaceSameVersion ? { lte: state.version } : { lt: state.version } };
  return moveForward({
    updateOlder: () => prisma.action.updateMany({ where: older, data: row }),
    // The Update handler and the workflow's start can project at the same time (see moveForward).
    insert: () => prisma.action.createMany({ data: [{ id: state.actionId, ...row } as never], skipDuplicates: true }),
  });
}
