import { z } from 'zod';

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
