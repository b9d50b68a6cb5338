import { z } from 'zod';
import { ZCommandMeta } from './common.js';

/**
 * Saved views are a user's own list settings, so a reason is optional (it is still recorded in the
 * audit trail when given); the request id is not, so a retried save has one effect.
 */
const ZSavedViewMeta = ZCommandMeta.partial({ reason: true });

/** A console list's filters, sort and columns under a name; `shared` makes it visible to everyone. */
export const ZSavedView = z.object({
  /** The console resource the view belongs to, e.g. `kpis` or `escalations`. */
  resource: z
    .string()
    .regex(/^[a-zA-Z][a-zA-Z0-9_-]*$/, 'Use the resource name, e.g. kpis')
    .max(64, 'The resource name must be at most 64 characters'),
  name: z.string().trim().min(1, 'Name the view').max(100, 'The view name must be at most 100 characters'),
  /** react-admin list parameters (filter, sort, perPage, columns): opaque to the API. */
  /** JSON values only (the column is JSON): `undefined`, functions, BigInts or NaN are refused by name. */
  params: z
    .record(z.string(), z.json())
    .refine((p) => JSON.stringify(p).length <= 20_000, 'The saved settings are too large (at most 20,000 characters)'),
  shared: z.boolean().default(false),
});
export type TSavedView = z.infer<typeof ZSavedView>;

export const ZCreateSavedViewInput = ZSavedViewMeta.extend({ view: ZSavedView });
export type TCreateSavedViewInput = z.infer<typeof ZCreateSavedViewInput>;

export const ZUpdateSavedViewInput = z.object({
  id: z.string().trim().min(1, 'Missing saved view id').max(200),
  data: ZSavedViewMeta.extend({ view: ZSavedView }),
});
export type TUpdateSavedViewInput = z.infer<typeof ZUpdateSavedViewInput>;

/** react-admin's `delete` (`{ id }`), with a request id like every command: a retried delete answers as the first did. */
export const ZDeleteSavedViewInput = z.object({
  id: z.string().trim().min(1, 'Missing saved view id').max(200),
  clientRequestId: ZCommandMeta.shape.clientRequestId,
  reason: ZCommandMeta.shape.reason.optional(),
});
export type TDeleteSavedViewInput = z.infer<typeof ZDeleteSavedViewInput>;
