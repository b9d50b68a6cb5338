/**
 * Live updates for the console: a subscription (server-sent events over HTTP) that pushes every
 * change to the read model — programmes, actions, visits and the like, and new escalations — so
 * screens refresh when a workflow moves, whoever or whatever moved it. It reads the projections the
 * worker writes, so it works the same when the API and the worker are separate processes.
 */
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { procedure, READERS, router } from '../trpc.js';

export interface LiveChange {
  resource: 'programmes' | 'actions' | 'lifecycleRecords' | 'escalations';
  id: string;
  /** The projection's state version (escalations: 0, they never change but by acknowledgement). */
  version: number;
  at: string;
}

const POLL_MS = 1000;
const ZLiveInput = z.object({ lastEventId: z.string().max(64).nullish() }).optional();

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
  });
}

export const liveRouter = router({
  /**
   * Yields each change once, in time order. The event id is the change's time, so a reconnecting
   * client (EventSource sends Last-Event-ID) resumes where it left off without missing any.
   */
  changes: procedure(READERS)
    .input(ZLiveInput)
    .subscription(async function* ({ ctx, input, signal }) {
      let cursor = input?.lastEventId && !Number.isNaN(Date.parse(input.lastEventId)) ? new Date(input.lastEventId) : new Date(ctx.now());
      // Rows written in the same millisecond as the last one sent are fetched again (gte) and
      // skipped by key, so none written just after a poll is ever missed.
      let sentAtCursor = new Set<string>();
      while (!signal?.aborted) {
        const since = { gte: cursor };
        const [programmes, actions, records, escalations] = await Promise.all([
          ctx.prisma.programme.findMany({ where: { updatedAt: since }, select: { id: true, stateVersion: true, updatedAt: true }, orderBy: { updatedAt: 'asc' }, take: 500 }),
          ctx.prisma.action.findMany({ where: { updatedAt: since }, select: { id: true, stateVersion: true, updatedAt: true }, orderBy: { updatedAt: 'asc' }, take: 500 }),
          ctx.prisma.lifecycleRecord.findMany({ where: { updatedAt: since }, select: { id: true, stateVersion: true, updatedAt: true }, orderBy: { updatedAt: 'asc' }, take: 500 }),
          ctx.prisma.escalation.findMany({ where: { createdAt: since }, select: { id: true, createdAt: true }, orderBy: { createdAt: 'asc' }, take: 500 }),
        ]);
        const changes: (LiveChange & { t: Date })[] = [
          ...programmes.map((r) => ({ resource: 'programmes' as const, id: r.id, version: r.stateVersion, t: r.updatedAt })),
          ...actions.map((r) => ({ resource: 'actions' as const, id: r.id, version: r.stateVersion, t: r.updatedAt })),
          ...records.map((r) => ({ resource: 'lifecycleRecords' as const, id: r.id, version: r.stateVersion, t: r.updatedAt })),
          ...escalations.map((r) => ({ resource: 'escalations' as const, id: r.id, version: 0, t: r.createdAt })),
        ].map((c) => ({ ...c, at: c.t.toISOString() }));
        changes.sort((a, b) => a.t.getTime() - b.t.getTime());
        for (const { t, ...change } of changes) {
          const key = `${change.resource}/${change.id}/${change.version}`;
          if (t.getTime() === cursor.getTime() && sentAtCursor.has(key)) continue;
          if (t.getTime() !== cursor.getTime()) sentAtCursor = new Set();
          cursor = t;
          sentAtCursor.add(key);
          yield tracked(change.at, change satisfies LiveChange);
        }
        await sleep(POLL_MS, signal);
      }
    }),
});
