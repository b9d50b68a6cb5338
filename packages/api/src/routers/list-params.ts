import { z } from 'zod';
import { fieldError } from '../errors.js';

/** react-admin's getList parameters, shared by every resource router. */
export const ZListParams = z.object({
  pagination: z
    .object({ page: z.number().int().min(1), perPage: z.number().int().min(1).max(500) })
    .default({ page: 1, perPage: 25 }),
  sort: z
    .object({ field: z.string().max(64), order: z.enum(['ASC', 'DESC']) })
    .default({ field: 'id', order: 'ASC' }),
  filter: z.record(z.string(), z.unknown()).default({}),
});
export type TListParams = z.infer<typeof ZListParams>;

export const ZGetOne = z.object({ id: z.string().min(1).max(200) });
export const ZGetMany = z.object({ ids: z.array(z.string().min(1).max(200)).max(500) });

/** Maps a react-admin sort onto a whitelisted column, so callers cannot sort by arbitrary fields. */
export function orderBy<F extends string>(
  sort: TListParams['sort'],
  allowed: Record<string, F>,
  fallback: F,
): Record<F, 'asc' | 'desc'> {
  const field = allowed[sort.field] ?? fallback;
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
export function ZGetManyReference<T extends string>(targets: readonly [T, ...T[]]) {
  return ZListParams.extend({ target: z.enum(targets), id: z.string().min(1).max(200) });
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
