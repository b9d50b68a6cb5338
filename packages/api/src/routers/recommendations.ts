/** Recommendations and areas for priority action from Ofsted reports; actions link to them by ref. */
import { z } from 'zod';
import type { Recommendation } from '@ip/db';
import { ZAddRecommendationInput, ZJudgementArea, ZUpdateRecommendationInput, type TRecommendation } from '@ip/domain';
import type { Context } from '../context.js';
import { conflictOnDuplicate } from '../errors.js';
import { MANAGERS, procedure, router } from '../trpc.js';
import { orderBy, page, parseFilter, type TListParams } from './list-params.js';
import { auditedCreate, auditedUpdate, registerCommand, searchAny } from './register-support.js';
import { resourceReads } from './resource-reads.js';

const SORTABLE = {
  id: 'ref', ref: 'ref', judgementArea: 'judgementArea', priorityAction: 'priorityAction',
  sourceInspectionId: 'sourceInspectionId', createdAt: 'createdAt', updatedAt: 'updatedAt',
} as const;

const ZRecommendationFilter = z
  .object({
    programmeId: z.string().max(200).optional(),
    judgementArea: ZJudgementArea.optional(),
    priorityAction: z.union([z.boolean(), z.stringbool()]).optional(),
    sourceInspectionId: z.string().max(200).optional(),
    q: z.string().max(200).optional(),
  });

function columns(r: TRecommendation) {
  return { ref: r.ref, text: r.text, judgementArea: r.judgementArea, sourceInspectionId: r.sourceInspectionId, priorityAction: r.priorityAction };
}

export function toRecommendationRecord(row: Recommendation) {
  return {
    id: row.id,
    programmeId: row.programmeId,
    ref: row.ref,
    text: row.text,
    judgementArea: row.judgementArea,
    sourceInspectionId: row.sourceInspectionId,
    priorityAction: row.priorityAction,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function list(ctx: Context, input: TListParams) {
  const f = parseFilter(ZRecommendationFilter, input.filter);
  const where = {
    ...(f.programmeId ? { programmeId: f.programmeId } : {}),
    ...(f.judgementArea ? { judgementArea: f.judgementArea } : {}),
    ...(f.priorityAction === undefined ? {} : { priorityAction: f.priorityAction }),
    ...(f.sourceInspectionId ? { sourceInspectionId: f.sourceInspectionId } : {}),
    ...searchAny(['ref', 'text'] as const, f.q),
  };
  const [rows, total] = await Promise.all([
    ctx.prisma.recommendation.findMany({ where, orderBy: [orderBy(input.sort, SORTABLE, 'ref'), { id: 'asc' }], ...page(input.pagination) }),
    ctx.prisma.recommendation.count({ where }),
  ]);
  return { data: rows.map(toRecommendationRecord), total };
}

const duplicateRef = (path: string, ref: string) => conflictOnDuplicate(`${path}: this programme already has a recommendation with the reference ${ref}`);

export const recommendationsRouter = router({
  ...resourceReads({
    filter: ZRecommendationFilter,
    noun: 'recommendation',
    targets: ['programmeId'],
    list,
    byIds: async (ctx, ids) => (await ctx.prisma.recommendation.findMany({ where: { id: { in: ids } } })).map(toRecommendationRecord),
  }),
  create: procedure(MANAGERS)
    .input(ZAddRecommendationInput)
    .mutation(({ ctx, input, path }) =>
      registerCommand(ctx, { path, input }, duplicateRef('recommendation.ref', input.recommendation.ref), async (tx) => {
        const row = await auditedCreate(tx, ctx.user, {
          entity: 'recommendation', programmeId: input.programmeId, reason: input.reason,
          create: () => tx.recommendation.create({ data: { programmeId: input.programmeId, ...columns(input.recommendation) } }),
        });
        return { data: toRecommendationRecord(row) };
      }),
    ),
  update: procedure(MANAGERS)
    .input(ZUpdateRecommendationInput)
    .mutation(({ ctx, input, path }) =>
      registerCommand(ctx, { path, input }, duplicateRef('data.recommendation.ref', input.data.recommendation.ref), async (tx) => {
        const row = await auditedUpdate(tx, ctx.user, {
          entity: 'recommendation', noun: 'recommendation', id: input.id, reason: input.data.reason,
          find: () => tx.recommendation.findUnique({ where: { id: input.id } }),
          update: (before) => tx.recommendation.update({ where: { id: before.id }, data: columns(input.data.recommendation) }),
        });
        return { data: toRecommendationRecord(row) };
      }),
    ),
});
