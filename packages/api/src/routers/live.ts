/**
 * Live updates for the console: a subscription (server-sent events over HTTP) that pushes every
 * change to the read model — programmes, actions, visits, registers, escalations — so screens
 * refresh when a workflow moves, whoever or whatever moved it. Changes come from the process's one
 * LISTEN (live-feed.ts), never from a query per client: the triggers of migration live_events
 * number each committed change, and that number is the event id, so a reconnecting client
 * (EventSource sends Last-Event-ID) resumes where it left off without a gap or a repeat.
 */
import { tracked, TRPCError } from '@trpc/server';
import { z } from 'zod';
import { parseLastEventId, type LiveChange } from '../live-feed.js';
import { procedure, READERS, router } from '../trpc.js';

export type { LiveChange };
/** One server-sent event: the changes that arrived together. */
export interface LiveBatch {
  changes: LiveChange[];
}

const ZLiveInput = z.strictObject({ lastEventId: z.string().max(64).nullish() }).optional();

export const liveRouter = router({
  /**
   * Yields each change once, in commit order, in batches (`changes`); the event id is the batch's
   * last change. A change `reset` means "refetch everything".
   */
  changes: procedure(READERS)
    .input(ZLiveInput)
    .subscription(async function* ({ ctx, input, signal }) {
      if (!ctx.live) throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'Live updates are not running in this process' });
      for await (const changes of ctx.live.changes(parseLastEventId(input?.lastEventId), signal)) {
        yield tracked(changes.at(-1)!.seq, { changes } satisfies LiveBatch);
      }
    }),
});
