/**
 * react-admin's four read verbs for a resource, from two functions: a list (filters, sort, paging)
 * and a lookup by ids. getManyReference is the list with the target in the filter; getOne is the
 * lookup of one id, NOT_FOUND when absent. Every verb is open to READERS (auditors included).
 */
import type { z } from 'zod';
import type { Context } from '../context.js';
import { procedure, READERS } from '../trpc.js';
import { listParams, referenceAsList, ZGetMany, ZGetManyReference, ZGetOne, type TListParams } from './list-params.js';
import { notFound } from './register-support.js';

export function resourceReads<R, T extends string, F extends z.ZodObject>(o: {
  /** The list's filters: the input schema refuses any other (strict), naming it. */
  filter: F;
  /** Words for "No <noun> with id …". */
  noun: string;
  /** Columns getManyReference may target. */
  targets: readonly [T, ...T[]];
  list: (ctx: Context, input: TListParams) => Promise<{ data: R[]; total: number }>;
  byIds: (ctx: Context, ids: string[]) => Promise<R[]>;
}) {
  return {
    getList: procedure(READERS).input(listParams(o.filter)).query(({ ctx, input }) => o.list(ctx, input)),
    getManyReference: procedure(READERS)
      .input(ZGetManyReference(o.targets, o.filter))
      .query(({ ctx, input }) => o.list(ctx, referenceAsList(input))),
    getOne: procedure(READERS)
      .input(ZGetOne)
      .query(async ({ ctx, input }) => {
        const [data] = await o.byIds(ctx, [input.id]);
        if (data === undefined) throw notFound(o.noun, input.id);
        return { data };
      }),
    getMany: procedure(READERS)
      .input(ZGetMany)
      .query(async ({ ctx, input }) => ({ data: await o.byIds(ctx, input.ids) })),
  };
}
