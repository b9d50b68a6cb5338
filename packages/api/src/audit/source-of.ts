/** The history source the audit procedures read: Temporal (an archive can be put behind it here). */
import type { Context } from '../context.js';
import { TemporalHistorySource, type HistorySource } from './history-source.js';

export function historySourceOf(ctx: Pick<Context, 'temporal'>): HistorySource {
  return new TemporalHistorySource(ctx.temporal);
}
