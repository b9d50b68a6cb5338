import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { procedure, READERS, router } from '../trpc.js';
import { listParams, orderBy, page, parseFilter, ZGetMany, ZGetOne } from './list-params.js';

const SORTABLE = { id: 'name', name: 'name', onsCode: 'onsCode', currentGrade: 'currentGrade' } as const;
const ZAuthorityFilter = z.object({ q: z.string().max(200).optional() });

const select = { id: true, onsCode: true, name: true, currentGrade: true, interventionStatus: true } as const;

export const authoritiesRouter = router({
  getList: procedure(READERS)
    .input(listParams(ZAuthorityFilter))
    .query(async ({ ctx, input }) => {
      const f = parseFilter(ZAuthorityFilter, input.filter);
      const where = f.q ? { name: { contains: f.q, mode: 'insensitive' as const } } : {};
      const [data, total] = await Promise.all([
        ctx.prisma.localAuthority.findMany({ where, select, orderBy: orderBy(input.sort, SORTABLE, 'name'), ...page(input.pagination) }),
        ctx.prisma.localAuthority.count({ where }),
      ]);
      return { data, total };
    }),
  getOne: procedure(READERS)
    .input(ZGetOne)
    .query(async ({ ctx, input }) => {
      const data = await ctx.prisma.localAuthority.findUnique({ where: { id: input.id }, select });
      if (!data) throw new TRPCError({ code: 'NOT_FOUND', message: `No authority with id ${input.id}` });
      return { data };
    }),
  getMany: procedure(READERS)
    .input(ZGetMany)
    .query(async ({ ctx, input }) => ({
      data: await ctx.prisma.localAuthority.findMany({ where: { id: { in: input.ids } }, select }),
    })),
});
