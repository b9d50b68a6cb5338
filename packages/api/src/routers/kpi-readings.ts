/** KPI readings as a list of their own (react-admin: a KPI's readings tab, by kpiId). */
import { z } from 'zod';
import { ZIsoDate } from '@ip/domain';
import type { Context } from '../context.js';
import { procedure, READERS, router } from '../trpc.js';
import { toKpiReadingRecord } from './kpi-record.js';
import { listParams, orderBy, page, parseFilter, referenceAsList, ZGetManyReference, type TListParams } from './list-params.js';

const SORTABLE = { id: 'periodEnd', periodEnd: 'periodEnd', value: 'value', createdAt: 'createdAt', updatedAt: 'updatedAt' } as const;

const ZKpiReadingFilter = z
  .object({
    kpiId: z.string().max(200).optional(),
    programmeId: z.string().max(200).optional(),
    /** Inclusive period-end range. */
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
  });

async function list(ctx: Context, input: TListParams) {
  const f = parseFilter(ZKpiReadingFilter, input.filter);
  const where = {
    ...(f.kpiId ? { kpiId: f.kpiId } : {}),
    ...(f.programmeId ? { kpi: { programmeId: f.programmeId } } : {}),
    ...(f.from || f.to ? { periodEnd: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } : {}),
  };
  const [rows, total] = await Promise.all([
    ctx.prisma.kpiReading.findMany({
      where,
      include: { kpi: true },
      orderBy: [orderBy(input.sort, SORTABLE, 'periodEnd'), { id: 'asc' }],
      ...page(input.pagination),
    }),
    ctx.prisma.kpiReading.count({ where }),
  ]);
  return { data: rows.map(toKpiReadingRecord), total };
}

export const kpiReadingsRouter = router({
  getList: procedure(READERS).input(listParams(ZKpiReadingFilter)).query(({ ctx, input }) => list(ctx, input)),
  getManyReference: procedure(READERS)
    .input(ZGetManyReference(['kpiId'], ZKpiReadingFilter))
    .query(({ ctx, input }) => list(ctx, referenceAsList(input))),
});
