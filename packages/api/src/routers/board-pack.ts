/**
 * Improvement-board packs: a PDF of the programme and every workflow of it as at one instant (now by
 * default; or any instant; or, as before, one history event of the programme), on either basis:
 * recorded by then, or happened by then. The same instant and basis give the same bytes, so a pack
 * tabled at a board can be regenerated and checked (sha256) later. Readers only: it changes nothing.
 */
import { createHash } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { ZBoardPackEventsInput, ZBoardPackInput } from '@ip/domain';
import type { AppliedEvent } from '../audit/fold.js';
import type { HistorySource, WorkflowHistory } from '../audit/history-source.js';
import { foldProgramme } from '../audit/programme-fold.js';
import { historySourceOf } from '../audit/source-of.js';
import { instantMs } from '../audit/inputs.js';
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
  /** The pack as a PDF (base64) with its sha256, a file name, and the instant it is as at (to make it again). */
  generate: procedure(READERS)
    .input(ZBoardPackInput)
    .query(async ({ ctx, input }) => {
      const source = historySourceOf(ctx);
      await programmeHistory(source, input.programmeId);
      // "Now" is fixed here and returned: asking again with this instant gives the same bytes.
      const at = input.eventId !== undefined ? undefined : input.at === undefined ? ctx.now() : instantMs(input.at, true);
      const pack = await boardPackData(ctx.prisma, source, { programmeId: input.programmeId, basis: input.basis, ...(at === undefined ? { runId: input.runId, eventId: input.eventId } : { at }) });
      const pdf = await renderBoardPackPdf(pack);
      const stamp = new Date(pack.at).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
      return {
        fileName: `board-pack-${input.programmeId}-${pack.basis}-${stamp}.pdf`,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        at: pack.at,
        basis: pack.basis,
        figures: pack.figures,
        bytes: pdf.length,
        base64: pdf.toString('base64'),
      };
    }),
});
