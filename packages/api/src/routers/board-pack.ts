/**
 * Improvement-board packs (issue 6): a PDF of the programme as at one history event. The same event
 * gives the same bytes, so a pack tabled at a board can be regenerated and checked (sha256) later.
 * Readers only: it changes nothing.
 */
import { createHash } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { ZBoardPackEventsInput, ZBoardPackInput } from '@ip/domain';
import type { AppliedEvent } from '../audit/fold.js';
import type { HistorySource, WorkflowHistory } from '../audit/history-source.js';
import { foldProgramme } from '../audit/programme-fold.js';
import { historySourceOf } from '../audit/source-of.js';
import { boardPackData } from '../pack/board-pack-data.js';
import { renderBoardPackPdf } from '../pack/board-pack-pdf.js';
import { procedure, READERS, router } from '../trpc.js';

async function programmeHistory(source: HistorySource, programmeId: string): Promise<WorkflowHistory> {
  try {
    return await source.fetch(programmeId);
  } catch (err) {
    if ((err as { name?: string })?.name === 'WorkflowNotFoundError' || (err as { code?: number })?.code === 5) {
      throw new TRPCError({ code: 'NOT_FOUND', message: `programmeId: no history for programme ${programmeId}` });
    }
    throw err;
  }
}

export const boardPackRouter = router({
  /** The points a pack can be as at: every business event of the programme, oldest first. */
  events: procedure(READERS)
    .input(ZBoardPackEventsInput)
    .query(async ({ ctx, input }) => {
      const history = await programmeHistory(historySourceOf(ctx), input.programmeId);
      const data: { runId: string; eventId: number; at: number; type: string; summary: string }[] = [];
      foldProgramme(history, {
        onApply: (a: AppliedEvent) => {
          if (a.entry) data.push({ runId: a.runId, eventId: a.triggerEventId, at: a.at, type: a.type, summary: a.entries.map((e) => e.summary).join('; ') });
        },
      });
      return { data };
    }),
  /** The pack as a PDF (base64) with its sha256 and a file name. */
  generate: procedure(READERS)
    .input(ZBoardPackInput)
    .query(async ({ ctx, input }) => {
      const source = historySourceOf(ctx);
      await programmeHistory(source, input.programmeId);
      const pack = await boardPackData(ctx.prisma, source, input);
      const pdf = await renderBoardPackPdf(pack);
      return {
        fileName: `board-pack-${input.programmeId}-event-${input.eventId}.pdf`,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        at: pack.at,
        bytes: pdf.length,
        base64: pdf.toString('base64'),
      };
    }),
});
