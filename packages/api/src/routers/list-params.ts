import { z } from 'zod';
import { fieldError } from '../errors.js';

const ZPagination = z.strictObject({ page: z.number().int().min(1).max(1_000_000), perPage: z.number().int().min(1).max(500) });
const ZSort = z.strictObject({ field: z.string().max(64), order: z.enum(['ASC', 'DESC']) });

/**
 * react-admin's getList parameters with one resource's own filters. Strict at every level: an
 * unknown parameter or filter, or a filter of the wrong type, is a BAD_REQUEST naming it
 * (`filter.rag`), never a 500 from deep inside a query.
 */
export function listParams<F extends z.ZodObject>(filter: F) {
  return z.strictObject({
    pagination: ZPagination.default({ page: 1, perPage: 25 }),
    sort: ZSort.default({ field: 'id', order: 'ASC' }),
    filter: filter.strict().default({} as never),
  });
}

/** A list that takes no filters but react-admin's search (`q`). */
export const ZSearchFilter = z.object({ q: z.string().max(200).optional() });

/** The shape every list function takes (its filter is parsed again by its own schema: parseFilter). */
export type TListParams = {
  pagination: z.infer<typeof ZPagination>;
  sort: z.infer<typeof ZSort>;
  filter: Record<string, unknown>;
};

export const ZGetOne = z.strictObject({ id: z.string().min(1).max(200) });
export const ZGetMany = z.strictObject({ ids: z.array(z.string().min(1).max(200)).max(500) });

/** Maps a react-admin sort onto a whitelisted column, so callers cannot sort by arbitrary fields. */
export function orderBy<F extends string>(
  sort: TListParams['sort'],
  allowed: Record<string, F>,
  fallback: F,
): Record<F, 'asc' | 'desc'> {
  // Own keys only: a sort by "valueOf" or "constructor" must not find Object.prototype's.
  const field = Object.hasOwn(allowed, sort.field) ? allowed[sort.field]! : fallback;
  return { [field]: sort.order === 'ASC' ? 'asc' : 'desc' } as Record<F, 'asc' | 'desc'>;
}

export function page(p: TListParams['pagination']): { skip: number; take: number } {
  return { skip: (p.page - 1) * p.perPage, take: p.perPage };
}

/**
 * react-admin's getManyReference parameters: the records whose `target` column equals `id`.
 * (The console maps getManyReference onto getList with the target in the filter; this procedure
 * serves other clients and reads the same way.)
 */
export function ZGetManyReference<T extends string, F extends z.ZodObject>(targets: readonly [T, ...T[]], filter: F) {
  return listParams(filter).extend({ target: z.enum(targets), id: z.string().min(1).max(200) });
}

/** A getManyReference call as the equivalent getList parameters. */
export function referenceAsList<T extends string>(input: TListParams & { target: T; id: string }): TListParams {
  return { pagination: input.pagination, sort: input.sort, filter: { ...input.filter, [input.target]: input.id } };
}

/** Parses a list's filter; a bad value is a BAD_REQUEST naming `filter.<field>`, not a 500. */
export function parseFilter<S extends z.ZodType>(schema: S, filter: unknown): z.infer<S> {
  const parsed = schema.safeParse(filter);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw fieldError(['filter', ...(issue?.path ?? []).map((k) => (typeof k === 'symbol' ? String(k) : k))], issue?.message ?? 'Invalid filter');
}
