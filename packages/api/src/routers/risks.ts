/**
 * The programme's 5×5 risk register (BRIEF (c) Risk; seed 002's Risk Heat Map). Scores, RAG,
 * heat-map cells and escalation come from the domain rules on every record.
 */
import { z } from 'zod';
import type { TRisk } from '@ip/domain';
import { ZProgrammeRef, ZRecordRiskInput, ZUpdateRiskInput } from '@ip/domain';
import type { Risk } from '@ip/db';
import type { Tx } from '../audit.js';
import type { Context, SessionUser } from '../context.js';
import { conflictOnDuplicate } from '../errors.js';
import { MANAGERS, procedure, READERS, router } from '../trpc.js';
import { orderBy, page, parseFilter, type TListParams } from './list-params.js';
import { auditedCreate, auditedUpdate, registerCommand, searchAny } from './register-support.js';
import { resourceReads } from './resource-reads.js';
import { riskColumns, riskHeatMaps, toRiskRecord } from './risk-record.js';

const SORTABLE = {
  id: 'ref', ref: 'ref', title: 'title', owner: 'owner', threshold: 'threshold', beforeScore: 'beforeScore',
  score: 'afterScore', rag: 'afterScore', afterScore: 'afterScore', createdAt: 'createdAt', updatedAt: 'updatedAt',
} as const;

const ZRiskFilter = z
  .object({
    programmeId: z.string().max(200).optional(),
    q: z.string().max(200).optional(),
    owner: z.string().max(200).optional(),
  });

async function list(ctx: Context, input: TListParams) {
  const f = parseFilter(ZRiskFilter, input.filter);
  const where = {
    ...(f.programmeId ? { programmeId: f.programmeId } : {}),
    ...(f.owner ? { owner: f.owner } : {}),
    ...searchAny(['ref', 'title', 'owner'] as const, f.q),
  };
  const [rows, total] = await Promise.all([
    ctx.prisma.risk.findMany({ where, orderBy: [orderBy(input.sort, SORTABLE, 'ref'), { id: 'asc' }], ...page(input.pagination) }),
    ctx.prisma.risk.count({ where }),
  ]);
  return { data: rows.map(toRiskRecord), total };
}

/**
 * Re-scores or edits an existing risk. The previous residual score is kept only when the residual
 * position changes, so editing the wording does not hide that the risk rose at its last review.
 */
async function rescore(tx: Tx, user: SessionUser, find: () => Promise<Risk | null>, id: string, risk: TRisk, reason: string) {
  const row = await auditedUpdate(tx, user, {
    entity: 'risk', noun: 'risk', id, reason, find,
    update: (before) => {
      const columns = riskColumns(risk);
      const previousScore = columns.afterScore === before.afterScore ? before.previousScore : before.afterScore;
      return tx.risk.update({ where: { id: before.id }, data: { ...columns, previousScore } });
    },
  });
  return { data: toRiskRecord(row) };
}

async function insert(tx: Tx, user: SessionUser, programmeId: string, risk: TRisk, reason: string) {
  const row = await auditedCreate(tx, user, {
    entity: 'risk', programmeId, reason, create: () => tx.risk.create({ data: { programmeId, ...riskColumns(risk) } }),
  });
  return { data: toRiskRecord(row) };
}

const duplicateRef = (path: string, ref: string) => conflictOnDuplicate(`${path}: the register already has a risk with the reference ${ref}`);

export const risksRouter = router({
  ...resourceReads({
    filter: ZRiskFilter,
    noun: 'risk',
    targets: ['programmeId'],
    list,
    byIds: async (ctx, ids) => (await ctx.prisma.risk.findMany({ where: { id: { in: ids } } })).map(toRiskRecord),
  }),
  /** The 5×5 grids before and after mitigation, with the refs of the risks in each cell. */
  heatMap: procedure(READERS)
    .input(ZProgrammeRef)
    .query(async ({ ctx, input }) => {
      const rows = await ctx.prisma.risk.findMany({ where: { programmeId: input.programmeId }, orderBy: { ref: 'asc' } });
      return { data: { programmeId: input.programmeId, riskCount: rows.length, ...riskHeatMaps(rows) } };
    }),

  /** Adds a new risk; a reference already on the register is a CONFLICT (use `record` to re-score). */
  create: procedure(MANAGERS)
    .input(ZRecordRiskInput)
    .mutation(({ ctx, input, path }) =>
      registerCommand(ctx, { path, input }, duplicateRef('risk.ref', input.risk.ref), (tx) => insert(tx, ctx.user, input.programmeId, input.risk, input.reason)),
    ),
  /** Adds a risk, or re-scores the one with the same reference (a register review). */
  record: procedure(MANAGERS)
    .input(ZRecordRiskInput)
    .mutation(({ ctx, input, path }) =>
      registerCommand(ctx, { path, input }, duplicateRef('risk.ref', input.risk.ref), async (tx) => {
        const where = { programmeId_ref: { programmeId: input.programmeId, ref: input.risk.ref } };
        const before = await tx.risk.findUnique({ where });
        return before ? rescore(tx, ctx.user, async () => before, before.id, input.risk, input.reason) : insert(tx, ctx.user, input.programmeId, input.risk, input.reason);
      }),
    ),
  update: procedure(MANAGERS)
    .input(ZUpdateRiskInput)
    .mutation(({ ctx, input, path }) =>
      registerCommand(ctx, { path, input }, duplicateRef('data.risk.ref', input.data.risk.ref), async (tx) => {
        return rescore(tx, ctx.user, () => tx.risk.findUnique({ where: { id: input.id } }), input.id, input.data.risk, input.data.reason);
      }),
    ),
});
