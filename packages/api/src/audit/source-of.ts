/** The history source the audit procedures read: Temporal, and the archive once Temporal has forgotten. */
import type { Context } from '../context.js';
import { ArchiveBackedHistorySource } from './archive-source.js';
import type { HistorySource } from './history-source.js';

export function historySourceOf(ctx: Pick<Context, 'temporal' | 'prisma'>): HistorySource {
  return new ArchiveBackedHistorySource(ctx.prisma, ctx.temporal);
}
